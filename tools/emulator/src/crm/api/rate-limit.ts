export interface RateLimitSettings {
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends, in emulated epoch milliseconds. */
  resetAtMs: number;
}

/**
 * Counts requests in fixed windows of emulated time, so `--clock` speeds the windows up with everything else.
 * Shared by the embedded CRM (per account per hour) and the embedded phone system (per company per minute).
 */
export class FixedWindowLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    private settings: RateLimitSettings,
    private readonly nowMs: () => number,
  ) {}

  get current(): RateLimitSettings {
    return { ...this.settings };
  }

  configure(settings: Partial<RateLimitSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.windowStart = Number.NEGATIVE_INFINITY;
  }

  take(): RateLimitDecision {
    const now = this.nowMs();
    if (now >= this.windowStart + this.settings.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const allowed = this.used < this.settings.limit;
    if (allowed) this.used += 1;
    return {
      allowed,
      limit: this.settings.limit,
      remaining: Math.max(0, this.settings.limit - this.used),
      resetAtMs: this.windowStart + this.settings.windowMs,
    };
  }
}
