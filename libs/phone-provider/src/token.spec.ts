import { describe, expect, it } from 'vitest';
import { tokensMatch } from './token';

describe('tokensMatch', () => {
  it('matches only the same token', () => {
    expect(tokensMatch('df76g76dpziygs567f0', 'df76g76dpziygs567f0')).toBe(true);
    expect(tokensMatch('df76g76dpziygs567f1', 'df76g76dpziygs567f0')).toBe(false);
    expect(tokensMatch('df76g76dpziygs567f', 'df76g76dpziygs567f0')).toBe(false);
    expect(tokensMatch('df76g76dpziygs567f00', 'df76g76dpziygs567f0')).toBe(false);
    expect(tokensMatch('', 'x')).toBe(false);
  });

  it('never matches an empty expected token, so an unregistered app accepts nothing', () => {
    expect(tokensMatch('', '')).toBe(false);
  });
});
