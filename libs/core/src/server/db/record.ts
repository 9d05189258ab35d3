import type { z } from 'zod';
import { summarizeIssues } from '../payloads/issues';
import { parseWith } from '../payloads/parse';
import { DbValueError } from './errors';
import { dbKey, type DbKeyPart } from './key';
import type { DbLimitOptions } from './limits';
import { dbDelete, dbGet, dbSet, setIfAbsent, type DbCallOptions } from './store';

export type DbId = DbKeyPart | readonly DbKeyPart[];

export interface DbRecordWriteOptions extends DbCallOptions {
  /** Seconds until the platform forgets the key. */
  ttl?: number;
}

/** One kind of stored record: its key namespace and the schema every read and write goes through. */
export interface DbRecord<S extends z.ZodType> {
  readonly namespace: string;
  key(id: DbId): string;
  get(id: DbId, options?: DbCallOptions): Promise<z.output<S> | undefined>;
  set(id: DbId, value: z.input<S>, options?: DbRecordWriteOptions): Promise<void>;
  setIfAbsent(id: DbId, value: z.input<S>, options?: DbRecordWriteOptions): Promise<boolean>;
  delete(id: DbId, options?: DbCallOptions): Promise<boolean>;
}

/**
 * Typed keys and values: `const calls = defineDbRecord('call', CallLogged)`, then
 * `await calls.setIfAbsent(callId, {...}, {ttl: 86400})`. Values are checked against the schema before they are
 * written and after they are read; `{db}` picks a store other than the sandbox's `$db`.
 */
export function defineDbRecord<S extends z.ZodType<Record<string, unknown>>>(namespace: string, schema: S, limits: DbLimitOptions = {}): DbRecord<S> {
  // Checks the namespace now rather than at the first write.
  dbKey(namespace, 'probe', { maxKeyLength: Number.MAX_SAFE_INTEGER });
  const key = (id: DbId) => dbKey(namespace, id, limits);
  const valid = (id: DbId, value: z.input<S>) => {
    const checked = parseWith(key(id), schema, value);
    if (!checked.ok) throw new DbValueError(`$db value to write ${summarizeIssues(`"${key(id)}"`, checked.error.issues)}`);
    return checked.value;
  };
  return {
    namespace,
    key,
    get: (id, options) => dbGet(key(id), schema, options),
    set: async (id, value, options) => {
      await dbSet(key(id), valid(id, value), { ...limits, ...options });
    },
    setIfAbsent: (id, value, options) => setIfAbsent(key(id), valid(id, value), { ...limits, ...options }),
    delete: (id, options) => dbDelete(key(id), options),
  };
}
