/**
 * A sliding window of start times: at most `limit` starts in any `windowMs`. Time comes from the caller (the
 * emulated clock), so a sped-up or advanced clock frees room as the platform's minute passes.
 */
export class SlidingWindow {
  private starts: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Takes a slot if there is room now. */
  tryTake(): boolean {
    this.prune();
    if (this.starts.length >= this.limit) return false;
    this.starts.push(this.now());
    return true;
  }

  /** Emulated milliseconds until a slot frees; 0 when there is room. */
  msUntilRoom(): number {
    this.prune();
    const oldest = this.starts[0];
    if (this.starts.length < this.limit || oldest === undefined) return 0;
    return Math.max(1, oldest + this.windowMs - this.now());
  }

  reset(): void {
    this.starts = [];
  }

  private prune(): void {
    const cutoff = this.now() - this.windowMs;
    while (this.starts[0] !== undefined && this.starts[0] <= cutoff) this.starts.shift();
  }
}
