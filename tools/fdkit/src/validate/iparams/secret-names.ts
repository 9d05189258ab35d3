/** Whole words that mark a secret: `apiKey`, `auth_token`, `Password`. */
const SECRET_WORDS = new Set(['key', 'keys', 'apikey', 'token', 'tokens', 'secret', 'secrets', 'password', 'passwd', 'pwd', 'passphrase', 'auth', 'authorization', 'credential', 'credentials']);
/** Fragments that mark a secret even inside one lower-case word: `accesstoken`, `clientsecret`. */
const SECRET_FRAGMENTS = ['token', 'secret', 'password', 'passwd', 'apikey'];

/**
 * True when an iparam's name looks like it holds a secret (fdk warns on key, auth, token, secret). Words are
 * matched whole, so `monkey`, `keyword` and `author` do not count, but `apiKey` and `auth_token` do.
 */
export function looksSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase())
    .filter(Boolean);
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  const flat = name.toLowerCase();
  return SECRET_FRAGMENTS.some((fragment) => flat.includes(fragment));
}
