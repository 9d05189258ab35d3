import { describe, expect, it } from 'vitest';
import { hash53, keyId } from './key-id';

describe('keyId', () => {
  it('keeps ids that fit, hashes the rest into the 30 characters the platform allows', () => {
    expect(keyId('call', 4711)).toBe('4711');
    const long = keyId('call', 'x'.repeat(40));
    expect(long).toMatch(/^~[0-9a-z]+$/);
    expect(`call:${long}`.length).toBeLessThanOrEqual(30);
    expect(keyId('call', 'a:b')).toBe(`~${hash53('a:b')}`);
    expect(keyId('call', '')).toBe(`~${hash53('')}`);
    expect(keyId('call', '~1')).not.toBe('~1');
  });

  it('hashes stably and tells ids apart', () => {
    expect(hash53('4711')).toBe(hash53('4711'));
    expect(new Set(Array.from({ length: 1000 }, (_, i) => hash53(`call-${i}`))).size).toBe(1000);
  });
});
