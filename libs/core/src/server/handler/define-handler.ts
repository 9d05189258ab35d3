import type { EventName } from '../../platform/events';
import type { ProductName } from '../../platform/products';
import { parsePayload } from '../payloads/parse';
import type { EventPayload } from '../payloads/schemas';
import { productOf } from '../product/product-of';
import { createServerContext, type ServerContext, type ServerOptions } from './context';
import { runAndAnswer } from './run';

export interface HandlerContext<E extends EventName> extends ServerContext {
  readonly event: E;
  /** The product that sent the event; reading it throws a 400 ProductContextError when the payload cannot tell. */
  readonly product: ProductName;
  /** The app's webhook URL for onExternalEvent (onAppInstall and product events only). */
  generateTargetUrl(): Promise<string>;
}

export type HandlerBody<E extends EventName, R> = (payload: EventPayload<E>, ctx: HandlerContext<E>) => R | Promise<R>;

/** What server.js exports for an event: the platform calls it with the payload. */
export interface PlatformHandler {
  (payload: unknown): Promise<void>;
  readonly handles: string;
}

/**
 * A serverless event handler: parses the payload (400 naming the field when it is wrong), runs `body`, and answers
 * through `renderData` exactly once: `renderData(null, result ?? {})`, a HandlerFailure's `{status, message}`, or
 * `{status: 500, message: '<event> failed: <first line>'}` for anything else, never a stack or a secret.
 */
export function defineHandler<E extends EventName, R>(event: E, body: HandlerBody<E, R>, options: ServerOptions = {}): PlatformHandler {
  const handler = (raw: unknown): Promise<void> =>
    runAndAnswer(event, raw, options, async ({ globals, redactor, log }) => {
      const parsed = parsePayload(event, raw);
      if (!parsed.ok) throw parsed.error;
      const payload = parsed.value;
      const ctx: HandlerContext<E> = Object.defineProperties(createServerContext(payload.iparams, globals, redactor, log, options), {
        event: { value: event, enumerable: true },
        product: { get: () => productOf(payload), enumerable: true },
        generateTargetUrl: { value: () => globals.generateTargetUrl(), enumerable: true },
      }) as HandlerContext<E>;
      return body(payload, ctx);
    });
  return Object.assign(handler, { handles: event });
}
