import { eventTimeoutMs, type ProductName } from '@callbridge/core';
import type { LoadedApp } from '../../app/load-app';
import type { CrmStore } from '../../crm/store';
import type { Installations } from '../../install/installations';
import type { JsonRecord } from '../json';
import type { InvocationResult } from '../runtime/invocation';
import type { ServerRuntime } from '../runtime/server-runtime';
import { basePayload } from './base-payload';
import { allowsTargetUrl, isSetupEvent, registeredEvents } from './registry';

export interface EventRunnerDeps {
  runtime: ServerRuntime;
  app: () => LoadedApp;
  store: CrmStore;
  installations: Installations;
  now: () => number;
  log: (line: string) => void;
  /** Handler time budget per event; the platform's (10 s app setup, 20 s others) unless a test shortens it. */
  timeoutMs?: (event: string) => number;
}

export function notRun(status: number, message: string): InvocationResult {
  return { ok: false, status, error: { status, message }, durationMs: 0, logs: [] };
}

/** Runs the handler an app registers for an event in a product, with the platform's time budget. */
export class EventRunner {
  constructor(private readonly deps: EventRunnerDeps) {}

  registered(product: ProductName): Record<string, string> {
    return registeredEvents(this.deps.app(), this.deps.runtime.legacyEvents, product);
  }

  /** The installation's values, secure ones included: server-side code sees them all. */
  iparams(product: ProductName): Record<string, unknown> {
    return this.deps.installations.get(product)?.values ?? {};
  }

  /** The envelope of an event payload for this product, now, with the installed iparams. */
  base(product: ProductName, event: string): JsonRecord {
    return basePayload(this.deps.store, product, event, this.deps.now(), this.iparams(product));
  }

  async run(product: ProductName, event: string, payload: JsonRecord): Promise<InvocationResult> {
    const handler = this.registered(product)[event];
    if (!handler) return notRun(404, `${event} is not registered for ${product}; add it to manifest.json product.${product}.events`);
    const timeoutMs = this.deps.timeoutMs?.(event) ?? eventTimeoutMs(event);
    const result = await this.deps.runtime.invoke({
      product,
      name: event,
      handler,
      payload,
      timeoutMs,
      needsRenderData: isSetupEvent(event),
      targetUrlAllowed: allowsTargetUrl(event),
    });
    this.deps.log(
      `event ${event} (${product}) → ${result.ok ? `ok` : `${result.status} ${result.error?.message ?? ''}`} in ${result.durationMs} ms`,
    );
    return result;
  }
}
