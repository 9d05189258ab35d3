import { describe, expect, it } from 'vitest';
import { toJsonValue } from './json';

describe('toJsonValue', () => {
  it('gives the JSON form a payload travels in', () => {
    expect(toJsonValue({ at: new Date('2026-01-02T03:04:05Z'), skip: undefined, n: 1 }, 'x')).toEqual({ at: '2026-01-02T03:04:05.000Z', n: 1 });
    expect(toJsonValue(undefined, 'x')).toBeNull();
  });

  it('refuses what cannot travel, naming it', () => {
    expect(() => toJsonValue({ big: 1n }, 'The payload of "calls.find"')).toThrow(
      expect.objectContaining({ code: 'invalid-payload', message: 'The payload of "calls.find" cannot be sent between instances: it is not JSON.' }) as Error,
    );
  });
});
