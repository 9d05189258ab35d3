import { describe, expect, it } from 'vitest';
import { formatRawDigits, toE164 } from './raw-digits';

describe('formatRawDigits', () => {
  it('formats like Aircall: international, with spaces and dashes, never E.164', () => {
    expect(formatRawDigits('+14155550111')).toBe('+1 415-555-0111');
    expect(formatRawDigits('+442079460131')).toBe('+44 20 7946 0131');
    expect(formatRawDigits('+447700900123')).toBe('+44 7700 900123');
    expect(formatRawDigits('+33612345678')).toBe('+33 6 12 34 56 78');
    expect(formatRawDigits('+4930123456789')).toBe('+49 301 234 5678 9');
    expect(formatRawDigits('+353861234567')).toBe('+353 861 234 567');
    expect(formatRawDigits('+79161234567')).toBe('+7 916 123 4567');
  });
});

describe('toE164', () => {
  it('keeps the digits behind a +, or refuses what cannot be a number', () => {
    expect(toE164('+1 (415) 555-0111')).toBe('+14155550111');
    expect(toE164('1234')).toBeUndefined();
    expect(toE164('1234567890123456')).toBeUndefined();
  });
});
