/**
 * Phone numbers in E.164 (`+` and 8 to 15 digits), the form caller match and the phone system use. A small
 * normaliser rather than libphonenumber: the front end's bundle budget (16 KB gzip) cannot carry its metadata, and
 * Callbridge needs normalisation, not per-country validation.
 */
export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

const SEPARATORS = /[\s().\-/]/g;

export function normalizePhone(raw: string, defaultCountryCode = '1'): PhoneResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a phone number.' };
  const compact = trimmed.replace(SEPARATORS, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  // A national number: its trunk 0 gives way to the country code; ten digits in North America lack the leading 1.
  else if (compact.startsWith('0')) digits = `${defaultCountryCode}${compact.slice(1)}`;
  else if (defaultCountryCode === '1' && compact.length === 10) digits = `1${compact}`;
  else digits = compact;
  if (!/^\d+$/.test(digits)) return { ok: false, message: `"${raw}" has characters a phone number cannot have.` };
  if (digits.startsWith('0')) return { ok: false, message: `"${raw}" needs a country code, such as +1 or +44.` };
  if (digits.length < 8 || digits.length > 15) return { ok: false, message: `"${raw}" is not a full phone number (8 to 15 digits with the country code).` };
  return { ok: true, e164: `+${digits}` };
}

/** The digits two numbers must share to be the same line; tolerant of how a CRM stored them. */
export function phoneKey(raw: string): string | undefined {
  const result = normalizePhone(raw);
  return result.ok ? result.e164.slice(1) : undefined;
}
