import type { MessageEventLike } from '../../src/browser/client/transport';

export const ORIGIN = 'http://localhost:10001';

type Listener = (event: MessageEventLike) => void;

/** A window that receives messages: enough of `window` for the transport and the messenger, without a browser. */
export class FakeWindow {
  private readonly listeners: Listener[] = [];
  /** Everything delivered to this window, as the page would see it. */
  readonly received: MessageEventLike[] = [];

  constructor(readonly name: string) {}

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Delivers a message as if `source` posted it; structuredClone, as the browser does. */
  deliver(data: unknown, source: unknown, origin = ORIGIN): void {
    const event = { data: structuredClone(data), source, origin };
    this.received.push(event);
    for (const listener of this.listeners) listener(event);
  }

  /** What a sender holds: posting to it delivers here, on a later task, with `source` set to the sender. */
  as(source: unknown): { postMessage(message: unknown, targetOrigin: string): void } {
    return {
      postMessage: (message, targetOrigin) => {
        if (targetOrigin !== ORIGIN) throw new Error(`posted to ${targetOrigin}`);
        const copy = structuredClone(message);
        setTimeout(() => this.deliver(copy, source), 0);
      },
    };
  }
}

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a promise rejected with (a platform error), failing the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ status: number; message: string; [key: string]: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { status: number; message: string };
  }
  throw new Error('expected the promise to reject');
}
