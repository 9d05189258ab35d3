import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, REQUEST_LIMITS, retryDelayMs } from './request-limits';

describe('isRetryableStatus', () => {
  it.each([undefined, 0, 429, 500, 502, 503, 504, 599])('retries %s', (status) => expect(isRetryableStatus(status)).toBe(true));
  it.each([200, 301, 400, 401, 403, 404, 409, 422, 600])('does not retry %s', (status) => expect(isRetryableStatus(status)).toBe(false));
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  it.each<[string | null | undefined, number | undefined]>([
    [null, undefined],
    [undefined, undefined],
    ['  ', undefined],
    ['2', 2000],
    ['0', 0],
    ['Sun, 01 Mar 2026 10:00:03 GMT', 3000],
    ['Sun, 01 Mar 2026 09:59:00 GMT', 0],
    ['soon', undefined],
  ])('%j -> %s ms', (header, expected) => expect(parseRetryAfter(header, now)).toBe(expected));
});

describe('retryDelayMs', () => {
  it('uses the configured delay, stretched by Retry-After, capped at 1500 ms', () => {
    expect(retryDelayMs(200, undefined)).toBe(200);
    expect(retryDelayMs(200, 1000)).toBe(1000);
    expect(retryDelayMs(1200, 100)).toBe(1200);
    expect(retryDelayMs(200, 30_000)).toBe(REQUEST_LIMITS.maxRetryDelayMs);
    expect(retryDelayMs(5000, undefined)).toBe(1500);
  });
});
