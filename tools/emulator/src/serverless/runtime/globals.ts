import type { ProductName } from '@callbridge/core';
import { cloneJson } from '../json';
import { PlatformFailure, toErrorBody } from '../platform-error';
import type { PlatformPromise } from '../platform-promise';
import { RequestFailure } from '../requests/request-error';
import type { PlatformServices } from './services';

/** Runs a platform call for server.js: counts it as work in flight and settles into a PlatformPromise. */
export type Track = <T>(work: () => T | Promise<T>) => PlatformPromise<T>;

const clone = (value: unknown): unknown => (value === undefined ? undefined : cloneJson(value));

/** What a failed platform call rejects with: a plain object, as the platform's. */
export function rejectionOf(error: unknown): unknown {
  if (error instanceof RequestFailure) return { ...error.body };
  return toErrorBody(error);
}

/**
 * `$db`, `$schedule`, `$request` and `generateTargetUrl` for one invocation in one product. Arguments are copied
 * out of the sandbox as JSON before the emulator looks at them.
 */
export function platformGlobals(product: ProductName, services: PlatformServices, track: Track, targetUrlAllowed: boolean, eventName: string): Record<string, unknown> {
  const request = (method: string) => (url: unknown, options?: unknown) => track(() => services.request.freeForm(product, method, clone(url), clone(options)));
  return {
    $db: {
      set: (key: unknown, value: unknown, options?: unknown) => track(() => services.db(product, { action: 'set', key, value: clone(value), options: clone(options) })),
      get: (key: unknown) => track(() => services.db(product, { action: 'get', key })),
      update: (key: unknown, type: unknown, attributes: unknown, options?: unknown) =>
        track(() => services.db(product, { action: 'update', key, type, attributes: clone(attributes), options: clone(options) })),
      delete: (key: unknown) => track(() => services.db(product, { action: 'delete', key })),
    },
    $schedule: {
      create: (definition: unknown) => track(() => services.schedule.create(product, clone(definition))),
      update: (definition: unknown) => track(() => services.schedule.update(product, clone(definition))),
      fetch: (args: unknown) => track(() => services.schedule.fetch(product, clone(args))),
      delete: (args: unknown) => track(() => services.schedule.delete(product, clone(args))),
    },
    $request: {
      get: request('get'),
      post: request('post'),
      put: request('put'),
      patch: request('patch'),
      delete: request('delete'),
      invokeTemplate: (name: unknown, options?: unknown) => track(() => services.request.invokeTemplate(product, name, clone(options))),
    },
    generateTargetUrl: () =>
      track(() => {
        if (!targetUrlAllowed) {
          throw new PlatformFailure(403, `generateTargetUrl() is available only in onAppInstall, afterAppUpdate and product events, not in ${eventName}`);
        }
        return services.targetUrl(product);
      }),
  };
}
