import { DbLimitError } from './errors';
import { DB_LIMITS, type DbLimitOptions } from './limits';

export type DbKeyPart = string | number;

const NAMESPACE = /^[A-Za-z][A-Za-z0-9_-]*$/;
const SEPARATOR = ':';

/**
 * A data store key, `namespace:id[:id...]`: `dbKey('call', 'ac_4711')` is `call:ac_4711`. Checks what the platform
 * would refuse (length over 30 characters, by default) and what would make two keys collide.
 */
export function dbKey(namespace: string, id: DbKeyPart | readonly DbKeyPart[], options: Pick<DbLimitOptions, 'maxKeyLength'> = {}): string {
  const maxLength = options.maxKeyLength ?? DB_LIMITS.keyLength;
  if (!NAMESPACE.test(namespace)) {
    throw new DbLimitError(`$db key namespace "${namespace}" must start with a letter and use letters, digits, _ and -`);
  }
  const parts = (Array.isArray(id) ? id : [id]) as readonly DbKeyPart[];
  if (parts.length === 0) throw new DbLimitError(`$db key "${namespace}" needs an id`);
  for (const part of parts) {
    const text = String(part);
    if (typeof part === 'number' ? !Number.isFinite(part) : text.trim() === '' || text.includes(SEPARATOR)) {
      throw new DbLimitError(`$db key "${namespace}": id part ${JSON.stringify(part)} must be a finite number or a non-empty string without "${SEPARATOR}"`);
    }
  }
  const key = [namespace, ...parts.map(String)].join(SEPARATOR);
  if (key.length > maxLength) {
    throw new DbLimitError(`$db key "${key}" is ${key.length} characters; the platform allows ${maxLength}. Shorten the namespace or the id`);
  }
  return key;
}
