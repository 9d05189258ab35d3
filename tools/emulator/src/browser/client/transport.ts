import { ackMessage, callMessage, idGenerator, parseHostMessage, type Method } from '../protocol';
import { deferred, platformError, type PlatformErrorValue } from '../platform-error';

export interface MessageEventLike {
  origin: string;
  source: unknown;
  data: unknown;
}

export interface MessageTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface MessageSource {
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

export interface Transport {
  call(method: Method, args: unknown[]): Promise<unknown>;
}

export interface TransportOptions {
  self: MessageSource;
  /** The host page: the only window whose messages count. */
  parent: MessageTarget;
  origin: string;
  onEvent: (name: string, data: unknown) => void;
  /** How long `init` waits for the host before rejecting. */
  initTimeoutMs?: number;
}

/**
 * The app side of the emulator's postMessage channel. Only messages from the host window and this origin are read,
 * and only well-formed ones; each call gets an id and its reply settles it.
 */
export function createTransport({ self, parent, origin, onEvent, initTimeoutMs = 10_000 }: TransportOptions): Transport {
  const nextId = idGenerator('call');
  const pending = new Map<string, { resolve: (value: unknown) => void; reject: (reason: PlatformErrorValue) => void }>();

  self.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== parent) return;
    const message = parseHostMessage(event.data);
    if (!message) return;
    if (message.kind === 'event') {
      onEvent(message.name, message.data);
      parent.postMessage(ackMessage(message.id), origin);
      return;
    }
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(message.error);
  });

  return {
    call(method, args) {
      const id = nextId();
      const call = deferred<unknown>();
      if ((parent as unknown) === self) {
        call.reject(platformError(400, 'This page is not running inside the emulator: open it through a placeholder of http://localhost:10001.'));
        return call.promise;
      }
      try {
        parent.postMessage(callMessage(id, method, args), origin);
      } catch (error) {
        call.reject(platformError(400, `${method}: the arguments cannot be sent (${(error as Error).message}); pass plain data, not functions or DOM nodes.`));
        return call.promise;
      }
      pending.set(id, call);
      if (method === 'init') {
        setTimeout(() => {
          if (!pending.delete(id)) return;
          call.reject(platformError(504, 'app.initialized(): the emulator page did not answer within 10 s; is this frame one of its placeholders?', 'PLATFORM'));
        }, initTimeoutMs);
      }
      return call.promise;
    },
  };
}
