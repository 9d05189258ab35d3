import { secureIparamNames } from '../../iparams/config';
import type { IparamDefinitions } from '../../iparams/definition';
import { SECRET_LOOKING_NAME } from '../../iparams/definition';
import { isPlainObject } from '../json-size';

export const REDACTED = '[redacted]';

/** Which iparams are secret: names, or the app's iparam definitions (their `secure: true` ones). */
export type SecureIparams = readonly string[] | IparamDefinitions;

/** Header names whose values are credentials, whatever the iparams say. */
const SECRET_HEADER = /authorization|cookie|token|secret|signature|api[-_]?key/i;

/** Shorter values would scrub ordinary words. */
const MIN_SECRET_LENGTH = 4;

function secureNames(secure: SecureIparams | undefined): Set<string> {
  if (!secure) return new Set();
  return new Set(Array.isArray(secure) ? (secure as readonly string[]) : secureIparamNames(secure as IparamDefinitions));
}

export interface Redactor {
  /** A deep copy with secrets replaced by `[redacted]`. */
  readonly redact: <T>(value: T) => T;
  /** Text with every secret value replaced. */
  readonly scrub: (text: string) => string;
}

/**
 * Secrets are the values of iparams marked secure, and of iparams whose names look like credentials
 * (`SECRET_LOOKING_NAME`, as `fdk validate` warns), so an iparam someone forgot to mark secure is still hidden.
 */
export function createRedactor(iparams: Readonly<Record<string, unknown>> | undefined, secure?: SecureIparams): Redactor {
  const names = secureNames(secure);
  const isSecret = (name: string): boolean => names.has(name) || SECRET_LOOKING_NAME.test(name);
  const secrets = Object.entries(iparams ?? {})
    .filter(([name, value]) => isSecret(name) && typeof value === 'string' && value.length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length);

  const scrub = (text: string): string => secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);

  const walk = (value: unknown, key: string | undefined, parentKey: string | undefined): unknown => {
    if (typeof value === 'string') {
      const secretByName = (parentKey === 'iparams' && key !== undefined && isSecret(key)) || (parentKey === 'headers' && key !== undefined && SECRET_HEADER.test(key));
      return secretByName ? REDACTED : scrub(value);
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, key, parentKey));
    if (isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, key)]));
    }
    return value;
  };

  return { redact: <T>(value: T) => walk(value, undefined, undefined) as T, scrub };
}

/** A copy of a payload safe to log: secure iparams, credential headers and any copy of a secret value hidden. */
export function redact<T extends { iparams?: Readonly<Record<string, unknown>> }>(payload: T, secure?: SecureIparams): T {
  return createRedactor(payload.iparams, secure).redact(payload);
}
