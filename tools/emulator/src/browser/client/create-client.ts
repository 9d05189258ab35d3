import type { ProductName } from '@callbridge/core';
import type { InstanceContextValue, Method } from '../protocol';
import { withFail, type FdkPromise } from '../with-fail';
import type { ClientEventCallback, EventHub } from './event-hub';
import type { Transport } from './transport';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** What `instance.context()` resolves: the documented names, plus `instance_id` that one public sample reads. */
export interface InstanceContextResult {
  instanceId: string;
  instance_id: string;
  location: string;
  parentId?: string;
  modalData?: unknown;
  data?: unknown;
}

export interface ClientParts {
  product: ProductName;
  transport: Transport;
  hub: EventHub;
  /** Settles when the host answered `init`. */
  context: Promise<InstanceContextValue>;
}

/**
 * The `client` object `app.initialized()` resolves, as documented for the 2.x front-end client. Every method is a
 * call to the host page; promise-returning ones also have `.fail` for older apps.
 */
export function createClient({ product, transport, hub, context }: ClientParts) {
  const call = (method: Method, args: unknown[]): FdkPromise<unknown> => withFail(transport.call(method, args));
  const request = Object.fromEntries(
    HTTP_METHODS.map((name) => [name, (url: unknown, options: unknown = {}) => call('request', [{ method: name.toUpperCase(), url, options }])]),
  ) as Record<(typeof HTTP_METHODS)[number], (url: string, options?: unknown) => FdkPromise<unknown>>;

  return {
    context: { productContext: { name: product }, product },
    events: {
      on: (name: string, callback: ClientEventCallback) => hub.on(name, callback),
      off: (name: string, callback: ClientEventCallback) => hub.off(name, callback),
    },
    data: {
      get: (name: string) => call('data.get', [name]),
    },
    interface: {
      trigger: (action: string, args: unknown = {}) => call('interface.trigger', [action, args]),
    },
    instance: {
      context: (): FdkPromise<InstanceContextResult> =>
        withFail(
          context.then((value) => ({
            instanceId: value.instanceId,
            instance_id: value.instanceId,
            location: value.location,
            ...(value.parentId === undefined ? {} : { parentId: value.parentId }),
            ...(value.location === 'modal' ? { modalData: value.modalData, data: value.modalData } : {}),
          })),
        ),
      get: () => call('instance.get', []),
      send: (args: unknown) => call('instance.send', [args]),
      receive: (callback: ClientEventCallback) => hub.on('instance.message', callback),
      resize: (args: unknown) => call('instance.resize', [args]),
      close: () => call('instance.close', []),
    },
    iparams: {
      get: (key?: string) => call('iparams.get', key === undefined ? [] : [key]),
    },
    db: {
      set: (key: unknown, value: unknown, options?: unknown) => call('db', [{ action: 'set', key, value, ...(options === undefined ? {} : { options }) }]),
      get: (key: unknown) => call('db', [{ action: 'get', key }]),
      update: (key: unknown, action: unknown, attributes: unknown, options?: unknown) =>
        call('db', [{ action: 'update', key, value: action, attributes, ...(options === undefined ? {} : { options }) }]),
      delete: (key: unknown) => call('db', [{ action: 'delete', key }]),
    },
    request: {
      ...request,
      invokeTemplate: (template: unknown, options: unknown = {}) => call('request.invokeTemplate', [{ template, options }]),
      invoke: (name: unknown, payload: unknown = {}) => call('request.invoke', [{ name, payload }]),
    },
  };
}

export type EmulatedClient = ReturnType<typeof createClient>;
