/**
 * The emulator's time. `speed` > 1 runs it faster than real time (`fdkit run --clock 60` makes a minute pass each
 * second), so schedules and TTLs can be tested without waiting.
 */
export class Clock {
  private readonly realStart: number;
  private offsetMs = 0;

  constructor(
    readonly speed = 1,
    private readonly realNow: () => number = Date.now,
    private readonly start = realNow(),
  ) {
    if (!(speed > 0 && Number.isFinite(speed))) throw new Error(`clock speed must be a positive number, not ${speed}`);
    this.realStart = realNow();
  }

  nowMs(): number {
    return this.start + (this.realNow() - this.realStart) * this.speed + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Jumps emulated time forward, for tests and the automation API. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Real milliseconds until emulated time reaches `at`. */
  realDelayUntil(atMs: number): number {
    return Math.max(0, (atMs - this.nowMs()) / this.speed);
  }
}
