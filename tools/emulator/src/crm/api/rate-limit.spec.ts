import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './rate-limit';

describe('FixedWindowLimiter', () => {
  it('allows the limit per window, then refuses until the window ends', () => {
    let now = 1_000;
    const limiter = new FixedWindowLimiter({ limit: 2, windowMs: 60_000 }, () => now);
    expect(limiter.take()).toEqual({ allowed: true, limit: 2, remaining: 1, resetAtMs: 61_000 });
    expect(limiter.take().remaining).toBe(0);
    expect(limiter.take()).toMatchObject({ allowed: false, remaining: 0 });
    now += 60_000;
    expect(limiter.take()).toMatchObject({ allowed: true, remaining: 1, resetAtMs: 121_000 });
  });

  it('starts a fresh window when reconfigured', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1_000 }, () => 0);
    limiter.take();
    expect(limiter.take().allowed).toBe(false);
    limiter.configure({ limit: 3 });
    expect(limiter.current).toEqual({ limit: 3, windowMs: 1_000 });
    expect(limiter.take()).toMatchObject({ allowed: true, remaining: 2 });
  });
});
