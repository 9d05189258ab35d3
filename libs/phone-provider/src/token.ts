/**
 * Compares two secrets in time that depends only on their lengths, so a caller cannot find a webhook token a
 * character at a time. (No `crypto.timingSafeEqual`: the platform's sandbox has no Buffer.)
 */
export function tokensMatch(given: string, expected: string): boolean {
  if (expected === '') return false;
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i += 1) {
    difference |= (given.charCodeAt(i % Math.max(given.length, 1)) || 0) ^ expected.charCodeAt(i);
  }
  return difference === 0;
}
