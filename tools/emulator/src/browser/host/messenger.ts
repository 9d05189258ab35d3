import type { MessageEventLike, MessageSource } from '../client/transport';
import { toPlatformError } from '../platform-error';
import { errorMessage, eventMessage, idGenerator, parseInstanceMessage, replyMessage } from '../protocol';
import type { Dispatch } from './dispatch';
import type { HostInstance, InstanceRegistry } from './instances';

export interface Messenger {
  /** Fires an event at an instance: queued until it initialised, then resolved when it acknowledged (or after a wait). */
  fire(instance: HostInstance, name: string, data?: unknown): Promise<void>;
}

export interface MessengerOptions {
  self: MessageSource;
  origin: string;
  instances: InstanceRegistry;
  dispatch: Dispatch;
  ackTimeoutMs?: number;
  /** Where dropped messages are reported (the browser console). */
  debug?: (line: string) => void;
}

/**
 * The host side of the postMessage channel. A message counts only when it comes from this origin and from the window
 * of a known instance, and parses as an emulator envelope; everything else is ignored.
 */
export function createMessenger({ self, origin, instances, dispatch, ackTimeoutMs = 1_000, debug = () => {} }: MessengerOptions): Messenger {
  const nextId = idGenerator('event');
  const acks = new Map<string, () => void>();

  function post(instance: HostInstance, message: unknown): boolean {
    try {
      instance.frame.contentWindow?.postMessage(message, origin);
      return true;
    } catch (error) {
      debug(`could not post to instance ${instance.id}: ${(error as Error).message}`);
      return false;
    }
  }

  function send(instance: HostInstance, name: string, data: unknown): Promise<void> {
    const id = nextId();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        acks.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ackTimeoutMs);
      acks.set(id, done);
      if (!post(instance, eventMessage(id, name, data))) done();
    });
  }

  async function answer(instance: HostInstance, id: string, method: Parameters<Dispatch>[1], args: unknown[]): Promise<void> {
    let reply: unknown;
    try {
      reply = replyMessage(id, await dispatch(instance, method, args));
    } catch (error) {
      reply = errorMessage(id, toPlatformError(error));
    }
    if (!post(instance, reply)) post(instance, errorMessage(id, toPlatformError(new Error(`the answer to ${method} cannot be cloned`))));
    if (method === 'init' && !instance.ready) {
      instance.ready = true;
      for (const queued of instance.queue.splice(0)) void send(instance, queued.name, queued.data);
    }
  }

  self.addEventListener('message', (event: MessageEventLike) => {
    if (event.origin !== origin) return;
    const instance = instances.bySource(event.source);
    if (!instance) return;
    const message = parseInstanceMessage(event.data);
    if (!message) {
      debug(`ignored a message from instance ${instance.id} that is not an emulator envelope`);
      return;
    }
    if (message.kind === 'ack') acks.get(message.id)?.();
    else void answer(instance, message.id, message.method, message.args);
  });

  return {
    fire(instance, name, data = {}) {
      if (!instance.ready) {
        instance.queue.push({ name, data });
        return Promise.resolve();
      }
      return send(instance, name, data);
    },
  };
}
