import { describe, expect, it } from 'vitest';
import { Clock } from './clock';

describe('Clock', () => {
  it('runs emulated time faster by its speed', () => {
    let real = 1_000;
    const clock = new Clock(60, () => real, Date.parse('2026-11-21T10:00:00Z'));
    real += 1_000;
    expect(clock.now().toISOString()).toBe('2026-11-21T10:01:00.000Z');
    expect(clock.realDelayUntil(Date.parse('2026-11-21T10:06:00Z'))).toBe(5_000);
    expect(clock.realDelayUntil(0)).toBe(0);
  });

  it('jumps forward on demand', () => {
    const clock = new Clock(1, () => 0, 0);
    clock.advance(300_000);
    expect(clock.nowMs()).toBe(300_000);
  });

  it('refuses a speed that is not a positive number', () => {
    expect(() => new Clock(0)).toThrow('clock speed must be a positive number, not 0');
    expect(() => new Clock(Number.NaN)).toThrow(/positive number/);
  });
});
