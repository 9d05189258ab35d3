import { describe, expect, it } from 'vitest';
import { phoneDigits, phoneMatches } from './phone-match';

describe('phoneMatches', () => {
  it('compares digits by default, so formatting and a decoded + do not matter', () => {
    expect(phoneMatches('+14155550111', '+1 415-555-0111', 'digits')).toBe(true);
    expect(phoneMatches('+1 (415) 555-0111', '+14155550111', 'digits')).toBe(true);
    expect(phoneMatches('+14155550111', ' 14155550111', 'digits')).toBe(true);
  });

  it('still needs the country code on both sides', () => {
    expect(phoneMatches('+14155550111', '(415) 555-0111', 'digits')).toBe(false);
    expect(phoneMatches('+14155550111', 'abc', 'digits')).toBe(false);
  });

  it('matches the stored string exactly in literal mode, as the real API does', () => {
    expect(phoneMatches('+14155550111', '+14155550111', 'literal')).toBe(true);
    expect(phoneMatches('+14155550111', '+1 415-555-0111', 'literal')).toBe(false);
  });

  it('never matches an empty or missing stored value', () => {
    expect(phoneMatches(null, '+14155550111', 'digits')).toBe(false);
    expect(phoneMatches('  ', '', 'literal')).toBe(false);
    expect(phoneDigits('+44 (20) 7946-0131')).toBe('442079460131');
  });
});
