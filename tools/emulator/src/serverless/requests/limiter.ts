import type { SlidingWindow } from '../rate-window';

/** Real milliseconds to sleep for `emulatedMs` of emulated time. */
export type RealDelay = (emulatedMs: number) => number;

/** Sleeps are capped so a clock that jumps (POST /_emulator/clock/advance) is noticed within a second. */
const MAX_SLEEP_MS = 1_000;

/**
 * The request proxy's limiter: when the window is full the next request waits, in order, instead of failing, as the
 * platform queues an app's 51st request in a minute.
 */
export class QueueingLimiter {
  private readonly queue: (() => void)[] = [];
  private pumping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly window: SlidingWindow,
    private readonly realDelay: RealDelay,
  ) {}

  /** Requests waiting for room. */
  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.queue.push(resolve);
      void this.pump();
    });
    return task();
  }

  /** Re-checks the window now, e.g. after the emulated clock jumped. */
  poke(): void {
    this.wake?.();
  }

  reset(): void {
    this.window.reset();
    this.poke();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let next = this.queue[0]; next; next = this.queue[0]) {
        if (this.window.tryTake()) {
          this.queue.shift();
          next();
        } else {
          await this.sleep(Math.min(MAX_SLEEP_MS, this.realDelay(this.window.msUntilRoom())));
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wake = done;
    });
  }
}
