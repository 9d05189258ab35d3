import { DB_LIMITS } from '@callbridge/core';

/** A 53-bit string hash (cyrb53): short, stable, and fine for telling ids apart (not for secrets). */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ char, 2654435761);
    h2 = Math.imul(h2 ^ char, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The id part of a `$db` key `namespace:id`: the id itself when it fits the platform's 30 characters, else `~` and
 * its hash, so any provider's ids (and ones with a ":" in them) make valid keys.
 */
export function keyId(namespace: string, id: string | number): string {
  const text = String(id);
  const room = DB_LIMITS.keyLength - namespace.length - 1;
  return text.length <= room && text !== '' && !text.includes(':') && !text.startsWith('~') ? text : `~${hash53(text)}`;
}
