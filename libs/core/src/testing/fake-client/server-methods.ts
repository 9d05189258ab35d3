import type { ClientRequest, JsonObject, KeyValueStore, PlatformError } from '../../platform/client';
import type { ProductName } from '../../platform/products';
import { copy, pending, platformError, rejectWith } from './errors';

/** What an SMI function of server.js sees besides its payload. */
export interface ServerMethodContext {
  /** Every iparam, secure ones included: server code may read them. */
  iparams: Record<string, unknown>;
  product: ProductName;
}

/** Stands in for an SMI function: return the data (`renderData(null, data)`) or throw `{status, message}` (`renderData(error)`). */
export type ServerMethodHandler = (payload: JsonObject, context: ServerMethodContext) => unknown;

const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]{1,39}$/;
const MAX_PAYLOAD_BYTES = 100 * 1024;

export function checkFunctionName(name: string): void {
  if (!FUNCTION_NAME.test(name)) {
    throw new TypeError(`onInvoke: "${name}" is not a valid SMI function name ([A-Za-z_][A-Za-z0-9_]{1,39}).`);
  }
}

/** How the platform turns what `renderData(error)` got into the rejection the front end sees. */
function toRejection(error: unknown): PlatformError {
  if (typeof error === 'object' && error !== null) {
    const { status, message } = error as { status?: unknown; message?: unknown };
    if (typeof status === 'number' || typeof message === 'string') {
      return platformError(typeof status === 'number' ? status : 500, typeof message === 'string' ? message : '');
    }
  }
  return platformError(400, 'The error should be a JSON Object with a message or a status parameter.');
}

export interface ServerMethodSettings {
  handlers: Map<string, ServerMethodHandler>;
  iparams(): Record<string, unknown>;
  product: ProductName;
  timeoutMs: number;
  /** The injected request fake's own `invoke`, used for functions no `onInvoke` handler answers. */
  fallback?: ClientRequest['invoke'];
}

let requestCount = 0;

/** `client.request.invoke`: runs the registered handler, resolving `{requestID, response}` like the platform. */
export function createInvoke(settings: ServerMethodSettings): ClientRequest['invoke'] {
  return (name, payload) => {
    const handler = settings.handlers.get(name);
    if (handler === undefined) {
      if (settings.fallback !== undefined) return settings.fallback(name, payload);
      return rejectWith(platformError(404, `request.invoke("${name}"): no server method "${name}"; register it with platform.onInvoke("${name}", handler).`));
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return rejectWith(platformError(400, `request.invoke("${name}"): the payload must be an object.`));
    }
    const iparams = settings.iparams();
    const bytes = new TextEncoder().encode(JSON.stringify({ ...payload, iparams })).length;
    if (bytes > MAX_PAYLOAD_BYTES) {
      return rejectWith(platformError(400, `request.invoke("${name}"): the payload with iparams is ${bytes} bytes; the platform allows ${MAX_PAYLOAD_BYTES}.`));
    }
    requestCount += 1;
    const requestID = `fake-smi-${requestCount}`;
    const answer = pending<{ requestID: string; response: unknown }>();
    const timer = setTimeout(() => answer.fail(platformError(504, 'Timeout error while processing the request.', 'PLATFORM')), settings.timeoutMs);
    Promise.resolve()
      .then(() => handler(copy(payload), { iparams, product: settings.product }))
      .then(
        (response) => answer.resolve({ requestID, response: response === undefined ? undefined : copy(response) }),
        (error: unknown) => answer.fail(toRejection(error)),
      )
      .finally(() => clearTimeout(timer));
    return answer.promise;
  };
}

function notConfigured(what: string): () => Promise<never> {
  return () => rejectWith(platformError(501, `${what}: not configured in this fake; pass it to createFakePlatform({ ... }).`, 'PLATFORM'));
}

/** `client.db` when the test gave none: every call rejects 501 so a missing fake is obvious. */
export function unconfiguredDb(): KeyValueStore {
  return {
    set: notConfigured('client.db.set'),
    get: notConfigured('client.db.get'),
    update: notConfigured('client.db.update'),
    delete: notConfigured('client.db.delete'),
  };
}

/** `client.request` HTTP methods when the test gave none. */
export function unconfiguredRequest(): Omit<ClientRequest, 'invoke'> {
  return {
    get: notConfigured('client.request.get'),
    post: notConfigured('client.request.post'),
    put: notConfigured('client.request.put'),
    patch: notConfigured('client.request.patch'),
    delete: notConfigured('client.request.delete'),
    invokeTemplate: notConfigured('client.request.invokeTemplate'),
  };
}
