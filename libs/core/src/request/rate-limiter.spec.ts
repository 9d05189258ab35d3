import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, hasTimers } from './rate-limiter';

const WINDOW = 60_000;

describe('createRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('queues a burst of 200 into 4 windows of 50, in order, never more than 50 started in any 60 s', async () => {
    const limiter = createRateLimiter();
    const t0 = Date.now();
    const started: number[] = [];
    const resolved: number[] = [];
    const all = Array.from({ length: 200 }, (_, i) =>
      limiter
        .schedule(async () => {
          started.push(Date.now() - t0);
          await Promise.resolve();
          return i;
        })
        .then((value) => resolved.push(value)),
    );

    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(50);
    expect(limiter.waiting).toBe(150);
    await vi.advanceTimersByTimeAsync(WINDOW - 1);
    expect(started).toHaveLength(50);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(100);
    await vi.advanceTimersByTimeAsync(2 * WINDOW);
    await Promise.all(all);

    expect(resolved).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(new Set(started)).toEqual(new Set([0, WINDOW, 2 * WINDOW, 3 * WINDOW]));
    expect(Math.max(...started)).toBeLessThan(4 * WINDOW);
    for (const start of started) {
      expect(started.filter((t) => t >= start && t < start + WINDOW).length).toBeLessThanOrEqual(50);
    }
  });

  it('slides: a slot frees exactly one window after its request started', async () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000 });
    const t0 = Date.now();
    const started: number[] = [];
    const run = () => limiter.schedule(() => Promise.resolve(void started.push(Date.now() - t0)));
    void run();
    await vi.advanceTimersByTimeAsync(400);
    void run();
    void run();
    void run();
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toEqual([0, 400, 1000, 1400]);
  });

  it('passes results and failures through', async () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 10 });
    const failing = expect(limiter.schedule(() => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    const ok = limiter.schedule(() => Promise.resolve('yes'));
    await vi.advanceTimersByTimeAsync(10);
    await failing;
    await expect(ok).resolves.toBe('yes');
  });

  it('uses the injected clock and sleep', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const limiter = createRateLimiter({
      limit: 1,
      windowMs: 100,
      now: () => now,
      sleep: (ms) => {
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });
    await Promise.all([limiter.schedule(() => Promise.resolve()), limiter.schedule(() => Promise.resolve())]);
    expect(sleeps).toEqual([100]);
  });

  it('refuses nonsense limits', () => {
    expect(() => createRateLimiter({ limit: 0 })).toThrow('limit 0 must be a whole number of at least 1');
    expect(() => createRateLimiter({ windowMs: 0 })).toThrow('windowMs 0 must be above 0');
  });
});

describe('hasTimers', () => {
  it('tells whether the realm can wait', () => {
    expect(hasTimers()).toBe(true);
    vi.stubGlobal('setTimeout', undefined);
    expect(hasTimers()).toBe(false);
  });
});
