import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneKey } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['+1 (415) 555-0111', '+14155550111'],
    ['+44 20 7946 0131', '+442079460131'],
    ['0044 20 7946 0131', '+442079460131'],
    ['415.555.0111', '+14155550111'],
    ['4155550111', '+14155550111'],
    ['+91 99999 99999', '+919999999999'],
  ])('%s becomes %s', (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164 });
  });

  it('uses the default country code for national numbers', () => {
    expect(normalizePhone('020 7946 0131', '44')).toEqual({ ok: true, e164: '+442079460131' });
  });

  it.each([
    ['', 'Enter a phone number.'],
    ['call me', '"call me" has characters a phone number cannot have.'],
    ['+0123456789', '"+0123456789" needs a country code, such as +1 or +44.'],
    ['+1234', '"+1234" is not a full phone number (8 to 15 digits with the country code).'],
    ['+1234567890123456', '"+1234567890123456" is not a full phone number (8 to 15 digits with the country code).'],
  ])('refuses %j: %s', (raw, message) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, message });
  });

  it('gives one key for every spelling of a number, none for junk', () => {
    expect(phoneKey('+1 415-555-0111')).toBe(phoneKey('(415) 555 0111'));
    expect(phoneKey('nope')).toBeUndefined();
  });
});
