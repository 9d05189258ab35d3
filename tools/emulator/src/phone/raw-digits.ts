const ONE_DIGIT = new Set(['1', '7']);
const TWO_DIGIT = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49', '51', '52', '53', '54', '55',
  '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]);

function countryCode(digits: string): string {
  if (ONE_DIGIT.has(digits.slice(0, 1))) return digits.slice(0, 1);
  if (TWO_DIGIT.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

function groups(national: string, sizes: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= national.length) break;
    parts.push(national.slice(at, at + size));
    at += size;
  }
  if (at < national.length) parts.push(national.slice(at));
  return parts.join(' ');
}

/**
 * A number the way Aircall shows it in `raw_digits` and `number.digits`: international format with spaces and
 * dashes (`+1 415-555-0111`, `+44 20 7946 0131`, `+33 6 12 34 56 78`), never E.164. Callers must normalise it.
 */
export function formatRawDigits(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const cc = countryCode(digits);
  const national = digits.slice(cc.length);
  if (cc === '1' && national.length === 10) return `+1 ${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
  if (cc === '44' && national.length === 10) return `+44 ${national.startsWith('7') ? groups(national, [4, 6]) : groups(national, [2, 4, 4])}`;
  if (cc === '33' && national.length === 9) return `+33 ${groups(national, [1, 2, 2, 2, 2])}`;
  return `+${cc} ${groups(national, [3, 3, 4])}`.trim();
}

/** `+` and the digits of a dialable number, or undefined when it has too few digits to be one. */
export function toE164(value: string): string | undefined {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 5 && digits.length <= 15 ? `+${digits}` : undefined;
}
