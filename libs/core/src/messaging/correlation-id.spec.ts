import { describe, expect, it, vi } from 'vitest';
import { newCorrelationId } from './correlation-id';

describe('newCorrelationId', () => {
  it('never repeats', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newCorrelationId()));
    expect(ids.size).toBe(100);
  });

  it('works where crypto.randomUUID is missing (pages served over plain http)', () => {
    vi.stubGlobal('crypto', {});
    expect(newCorrelationId()).toMatch(/^[a-z0-9]+-[a-z0-9]+$/);
  });
});
