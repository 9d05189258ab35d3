import type { JsonValue } from '../platform/client';
import { newCorrelationId } from './correlation-id';
import { logListenerFailure } from './debug-log';
import { createEnvelope, type Envelope } from './envelope';
import { describeCause, MessagingError } from './errors';
import type { MessageHub } from './hub';
import { sendMessage } from './send';

export interface RequestMeta {
  senderId: string;
}

/** A handler at the wire level: gets the raw payload, answers with the JSON reply (or throws). */
export type RawRequestHandler = (payload: unknown, meta: RequestMeta) => Promise<JsonValue>;

export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

const registries = new WeakMap<MessageHub, Map<string, RawRequestHandler>>();

/** The request handlers of one client; the first call also starts answering its requests. */
function handlersOf(hub: MessageHub): Map<string, RawRequestHandler> {
  let handlers = registries.get(hub);
  if (handlers === undefined) {
    const registry = new Map<string, RawRequestHandler>();
    hub.listen((envelope, senderId) => {
      if (envelope.kind === 'request') void answer(hub, registry, envelope, senderId);
    });
    registries.set(hub, registry);
    handlers = registry;
  }
  return handlers;
}

async function answer(hub: MessageHub, handlers: Map<string, RawRequestHandler>, envelope: Envelope, senderId: string): Promise<void> {
  const handler = handlers.get(envelope.type);
  let reply: { [key: string]: JsonValue };
  if (handler === undefined) {
    const self = await hub.self().then((context) => context.instanceId, () => 'this instance');
    reply = createEnvelope('reply', envelope.id, envelope.type, null, {
      message: `No handler for request "${envelope.type}" in instance ${self}.`,
    });
  } else {
    try {
      reply = createEnvelope('reply', envelope.id, envelope.type, await handler(envelope.payload, { senderId }));
    } catch (cause) {
      reply = createEnvelope('reply', envelope.id, envelope.type, null, { message: describeCause(cause) });
    }
  }
  try {
    await sendMessage(hub.client, reply, [senderId]);
  } catch (cause) {
    logListenerFailure(envelope.type, cause);
  }
}

/** Answers requests of `type` on this client; one handler per type, so a second registration is a bug and throws. */
export function registerRequestHandler(hub: MessageHub, type: string, handler: RawRequestHandler): () => void {
  const handlers = handlersOf(hub);
  if (handlers.has(type)) {
    throw new MessagingError('invalid-contract', `A handler for request "${type}" is already registered on this instance.`);
  }
  handlers.set(type, handler);
  return () => {
    if (handlers.get(type) === handler) handlers.delete(type);
  };
}

/** Sends a request and resolves with the raw reply payload, or rejects on timeout, send failure or a remote error. */
export function sendRequest(hub: MessageHub, receiverId: string, type: string, payload: JsonValue, timeoutMs: number): Promise<unknown> {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    return Promise.reject(new MessagingError('invalid-payload', `timeoutMs must be a positive number of milliseconds, got ${timeoutMs}.`));
  }
  // Requests are answered only by clients that start answering; make sure ours does too, so two instances can talk.
  handlersOf(hub);
  const id = newCorrelationId();
  return new Promise<unknown>((resolve, reject) => {
    const stop = (): void => {
      clearTimeout(timer);
      unlisten();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new MessagingError('timeout', `No reply to request "${type}" from instance ${receiverId} within ${timeoutMs} ms.`));
    }, timeoutMs);
    const unlisten = hub.listen((envelope, senderId) => {
      if (envelope.kind !== 'reply' || envelope.id !== id || senderId !== receiverId) return;
      stop();
      if (envelope.error === undefined) resolve(envelope.payload);
      else reject(new MessagingError('remote-error', `Instance ${receiverId} could not answer "${type}": ${envelope.error.message}`));
    });
    sendMessage(hub.client, createEnvelope('request', id, type, payload), [receiverId]).catch((cause: unknown) => {
      stop();
      reject(cause instanceof MessagingError ? cause : new MessagingError('send-failed', describeCause(cause), { cause }));
    });
  });
}
