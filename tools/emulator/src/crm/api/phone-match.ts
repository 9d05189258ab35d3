/**
 * How `/lookup` and `/search` compare a phone number with the stored one.
 * - `digits` (the default): equal when both have the same digits, so `+1 415-555-0111`, `+14155550111` and a `+` that a
 *   query string decoded to a space all match. The country code still has to be on both sides: a national
 *   `(415) 555-0111` does not match a stored `+14155550111`, as in the real products.
 * - `literal`: the stored string exactly, as the real API does (see docs/research/crm-and-aircall-apis.md A.6).
 */
export type PhoneMatchMode = 'digits' | 'literal';

export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

export function phoneMatches(stored: unknown, query: string, mode: PhoneMatchMode): boolean {
  if (typeof stored !== 'string' || stored.trim() === '') return false;
  if (mode === 'literal') return stored.trim() === query.trim();
  const digits = phoneDigits(query);
  return digits !== '' && phoneDigits(stored) === digits;
}
