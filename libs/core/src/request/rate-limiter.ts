import { REQUEST_LIMITS } from './request-limits';

export type Sleep = (ms: number) => Promise<void>;

export interface RateLimiterOptions {
  /** Requests that may start in any window; the platform allows 50 a minute per app and account. */
  limit?: number;
  windowMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

export interface RateLimiter {
  /** Runs `task` as soon as the window has room; queued tasks start in the order they were scheduled. */
  schedule<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks waiting for room. */
  readonly waiting: number;
}

/** Whether this realm has timers; the serverless sandbox does not, so it cannot wait and must not try. */
export function hasTimers(): boolean {
  return typeof globalThis.setTimeout === 'function';
}

/** Looked up at call time, so test fake timers installed later still apply. */
export const timerSleep: Sleep = (ms) => new Promise((resolve) => globalThis.setTimeout(resolve, ms));

/**
 * A sliding-window limiter that queues rather than fails: it remembers when each of the last `limit` requests
 * started and lets the next one start only once the oldest has left the window. Queueing keeps the platform from
 * answering 429, which would cost an attempt and, for a POST, a risky retry.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const limit = options.limit ?? REQUEST_LIMITS.requestsPerWindow;
  const windowMs = options.windowMs ?? REQUEST_LIMITS.windowMs;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? timerSleep;
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`rate limiter: limit ${limit} must be a whole number of at least 1`);
  if (!(windowMs > 0)) throw new RangeError(`rate limiter: windowMs ${windowMs} must be above 0`);
  const starts: number[] = [];
  const queue: Array<() => void> = [];
  let pumping = false;

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let next = queue[0]; next; next = queue[0]) {
        const time = now();
        while (starts[0] !== undefined && starts[0] <= time - windowMs) starts.shift();
        const oldest = starts[0];
        if (oldest === undefined || starts.length < limit) {
          starts.push(time);
          queue.shift();
          next();
        } else {
          await sleep(oldest + windowMs - time);
        }
      }
    } finally {
      pumping = false;
    }
  }

  return {
    async schedule<T>(task: () => Promise<T>): Promise<T> {
      await new Promise<void>((resolve) => {
        queue.push(resolve);
        void pump();
      });
      return task();
    },
    get waiting() {
      return queue.length;
    },
  };
}
