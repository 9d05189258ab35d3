import type { z } from 'zod';
import type { DbSetOptions, JsonObject, KeyValueStore } from '../../platform/client';
import { serverGlobals } from '../handler/globals';
import { summarizeIssues } from '../payloads/issues';
import { parseWith } from '../payloads/parse';
import { DbLimitError, DbValueError, isRecordNotFound, isSetIfConflict } from './errors';
import type { DbLimitOptions } from './limits';
import { checkDbItem } from './value';

export interface DbCallOptions {
  /** The store to use; the sandbox's `$db` (read when called) by default. */
  db?: KeyValueStore;
}

export interface DbWriteOptions extends DbCallOptions, DbLimitOptions {
  /** Seconds until the platform forgets the key. */
  ttl?: number;
}

function storeOf(options: DbCallOptions): KeyValueStore {
  return options.db ?? serverGlobals().$db;
}

function setOptions(ttl: number | undefined, setIf?: DbSetOptions['setIf']): DbSetOptions | undefined {
  if (ttl !== undefined && !(Number.isFinite(ttl) && ttl > 0)) throw new DbLimitError(`$db ttl must be a positive number of seconds, got ${String(ttl)}`);
  const options: DbSetOptions = {};
  if (ttl !== undefined) options.ttl = ttl;
  if (setIf) options.setIf = setIf;
  return Object.keys(options).length ? options : undefined;
}

/** Writes a value after checking what the platform would refuse; resolves with the value as stored. */
export async function dbSet(key: string, value: unknown, options: DbWriteOptions = {}): Promise<JsonObject> {
  const stored = checkDbItem(key, value, options);
  const set = setOptions(options.ttl);
  const db = storeOf(options);
  await (set ? db.set(key, stored, set) : db.set(key, stored));
  return stored;
}

/**
 * Writes only if the key is absent (setIf not_exist): true when this call wrote it, false when it was already there.
 * The idempotency gate: the same call delivered twice logs once.
 */
export async function setIfAbsent(key: string, value: unknown, options: DbWriteOptions = {}): Promise<boolean> {
  const stored = checkDbItem(key, value, options);
  const set = setOptions(options.ttl, 'not_exist');
  try {
    await storeOf(options).set(key, stored, set);
    return true;
  } catch (error) {
    if (isSetIfConflict(error)) return false;
    throw error;
  }
}

/** Reads and parses a value; undefined when the key does not exist. A value that fails the schema is a DbValueError. */
export async function dbGet<S extends z.ZodType>(key: string, schema: S, options: DbCallOptions = {}): Promise<z.output<S> | undefined> {
  let raw: JsonObject;
  try {
    raw = await storeOf(options).get(key);
  } catch (error) {
    if (isRecordNotFound(error)) return undefined;
    throw error;
  }
  const parsed = parseWith(key, schema, raw);
  if (!parsed.ok) throw new DbValueError(`$db value ${summarizeIssues(`"${key}"`, parsed.error.issues)}`);
  return parsed.value;
}

/** Deletes a key; true if it existed. A missing key is not an error, so cleanup can run twice. */
export async function dbDelete(key: string, options: DbCallOptions = {}): Promise<boolean> {
  try {
    await storeOf(options).delete(key);
    return true;
  } catch (error) {
    if (isRecordNotFound(error)) return false;
    throw error;
  }
}
