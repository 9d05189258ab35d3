import { describe, expect, it } from 'vitest';
import { encodeBase64 } from './base64';

describe('encodeBase64', () => {
  it.each(['', 'a', 'ab', 'abc', 'abcd', 'api_id:api_token', 'é', 'ünïcödé ✓', '😀 emoji', 'x'.repeat(100)])('matches Buffer for %j', (text) => {
    expect(encodeBase64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });

  it('writes U+FFFD for a lone surrogate, as TextEncoder does', () => {
    expect(encodeBase64('a\ud800b')).toBe(Buffer.from(new TextEncoder().encode('a\ud800b')).toString('base64'));
  });
});
