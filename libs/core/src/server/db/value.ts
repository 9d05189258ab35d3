import type { JsonObject } from '../../platform/client';
import { formatKb, isPlainObject, utf8Length } from '../json-size';
import { DbLimitError } from './errors';
import { DB_LIMITS, type DbLimitOptions } from './limits';

/** NaN, ±Infinity and '' become null, at any depth, as the platform stores them. */
export function normaliseDbValue(value: unknown): unknown {
  if (value === '' || (typeof value === 'number' && !Number.isFinite(value))) return null;
  if (Array.isArray(value)) return value.map(normaliseDbValue);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDbValue(v)]));
  return value;
}

/**
 * The value exactly as the platform would store it, or a DbLimitError saying why it would refuse it: not a JSON
 * object, `{}`, or key plus value over 8 KB (by default).
 */
export function checkDbItem(key: string, value: unknown, options: Pick<DbLimitOptions, 'maxItemBytes'> = {}): JsonObject {
  const maxBytes = options.maxItemBytes ?? DB_LIMITS.itemBytes;
  if (!isPlainObject(value)) throw new DbLimitError(`$db value for "${key}" must be a JSON object`);
  let text: string;
  try {
    text = JSON.stringify(normaliseDbValue(value));
  } catch (thrown) {
    throw new DbLimitError(`$db value for "${key}" has no JSON form (${thrown instanceof Error ? thrown.message : String(thrown)})`);
  }
  const stored = JSON.parse(text) as JsonObject;
  if (Object.keys(stored).length === 0) throw new DbLimitError(`$db value for "${key}" is empty; the platform rejects {}`);
  const bytes = utf8Length(key) + utf8Length(text);
  if (bytes > maxBytes) {
    throw new DbLimitError(`$db item "${key}" is ${formatKb(bytes)} (key and value); the platform allows ${formatKb(maxBytes)}`);
  }
  return stored;
}
