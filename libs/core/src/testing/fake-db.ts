import type { DbSetOptions, DbUpdateAction, JsonObject, JsonValue, KeyValueStore, PlatformError } from '../platform/client';
import { isPlainObject, utf8Length } from '../server/json-size';
import { DB_LIMITS, DB_MESSAGES, type DbLimitOptions } from '../server/db/limits';
import { normaliseDbValue } from '../server/db/value';

export interface FakeDbOptions extends DbLimitOptions {
  /** Epoch milliseconds; drives TTL expiry. */
  now?: () => number;
}

export interface FakeDbCall {
  method: 'set' | 'get' | 'update' | 'delete';
  key: string;
}

/** A KeyValueStore with the platform's rules, plus a look inside for tests. */
export interface FakeDb extends KeyValueStore {
  /** Live entries (expired ones left out), as stored. */
  dump(): Record<string, JsonObject>;
  /** Every call, in order, successful or not. */
  readonly calls: readonly FakeDbCall[];
}

interface Entry {
  value: JsonObject;
  expiresAt?: number;
}

/** A promise rejected as the platform rejects: with a plain `{status, message, ...}` object, not an Error. */
export function platformReject(status: number, message?: string, extra: Omit<PlatformError, 'status' | 'message'> = {}): Promise<never> {
  const error: PlatformError = { status, ...extra };
  if (message !== undefined) error.message = message;
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the platform's own shape
  return Promise.reject(error);
}

const reject = platformReject;

/** A refusal found deep in an update; becomes a 400. */
class Refusal extends Error {}

function copy<T extends JsonValue>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `a.b[0]` as the platform's update paths spell it. */
function splitPath(path: string): string[] {
  return path.split(/\.|\[|\]/).filter((part) => part !== '');
}

type Container = Record<string, JsonValue> | JsonValue[];

function isContainer(value: JsonValue | undefined): value is Container {
  return Array.isArray(value) || isPlainObject(value);
}

/** The container holding the path's last part; a refusal when the path runs through something that is not there. */
function parentOf(record: JsonObject, parts: readonly string[]): Container {
  let node: Container = record;
  for (const part of parts.slice(0, -1)) {
    const next: JsonValue | undefined = Array.isArray(node) ? node[Number(part)] : node[part];
    if (!isContainer(next)) throw new Refusal(DB_MESSAGES.invalidPath);
    node = next;
  }
  return node;
}

function applyUpdate(record: JsonObject, action: DbUpdateAction, attributes: JsonObject | string[]): void {
  if (action === 'remove') {
    if (!Array.isArray(attributes)) throw new Refusal(DB_MESSAGES.invalidPath);
    for (const path of attributes) {
      const parts = splitPath(path);
      const parent = parentOf(record, parts);
      const last = parts[parts.length - 1] ?? '';
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    }
    return;
  }
  if (Array.isArray(attributes)) throw new Refusal(DB_MESSAGES.invalidPath);
  for (const [path, value] of Object.entries(attributes)) {
    if (action === 'set') {
      const parts = splitPath(path);
      const parent = parentOf(record, parts);
      const last = parts[parts.length - 1] ?? '';
      if (Array.isArray(parent)) parent[Number(last)] = value;
      else parent[last] = value;
      continue;
    }
    const current = record[path];
    const fits = action === 'increment' ? typeof value === 'number' : Array.isArray(value);
    const fitsCurrent = current === undefined || current === null || (action === 'increment' ? typeof current === 'number' : Array.isArray(current));
    if (!fits || !fitsCurrent) throw new Refusal(DB_MESSAGES.wrongAttributeType);
    if (action === 'increment') record[path] = ((current as number | null | undefined) ?? 0) + (value as number);
    else record[path] = [...((current as JsonValue[] | null | undefined) ?? []), ...(value as JsonValue[])];
  }
}

/**
 * The platform's `$db` / `client.db` in memory: promises that reject with `{status, message}` like the real one.
 * - `get` of a missing or expired key: 404 "Record not found".
 * - keys over 30 characters, values that are not non-empty objects, key + value over 8 KB: 400.
 * - `setIf: 'not_exist'` on a live key or `'exist'` on a missing one: 400 "The setIf conditional request failed"
 *   (what FDK's local store answers; the live platform is not documented).
 * - '' NaN and Infinity are stored as null; TTL is in seconds; `update` follows FDK: increment and append create a
 *   missing key, remove on a missing key is a 400, paths use `a.b[0]`.
 * - `delete` of a missing key: 404.
 */
export function createFakeDb(options: FakeDbOptions = {}): FakeDb {
  const now = options.now ?? Date.now;
  const maxKeyLength = options.maxKeyLength ?? DB_LIMITS.keyLength;
  const maxBytes = options.maxItemBytes ?? DB_LIMITS.itemBytes;
  const entries = new Map<string, Entry>();
  const calls: FakeDbCall[] = [];

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const keyProblem = (key: unknown): string | undefined => {
    if (typeof key !== 'string' || key === '') return DB_MESSAGES.badKey;
    if (key.length > maxKeyLength) return DB_MESSAGES.keyTooLong(maxKeyLength);
    return undefined;
  };

  const optionsProblem = (key: string, opts: DbSetOptions | undefined): string | undefined => {
    if (opts?.ttl !== undefined && !(typeof opts.ttl === 'number' && Number.isFinite(opts.ttl) && opts.ttl > 0)) return DB_MESSAGES.badTtl;
    if (opts?.setIf === 'not_exist' && live(key)) return DB_MESSAGES.setIfFailed;
    if (opts?.setIf === 'exist' && !live(key)) return DB_MESSAGES.setIfFailed;
    return undefined;
  };

  const tooLarge = (key: string, value: JsonObject): boolean => utf8Length(key) + utf8Length(JSON.stringify(value)) > maxBytes;

  const expiry = (opts: DbSetOptions | undefined, previous?: number): number | undefined =>
    opts?.ttl !== undefined ? now() + opts.ttl * 1000 : previous;

  return {
    calls,
    dump() {
      const out: Record<string, JsonObject> = {};
      for (const key of [...entries.keys()]) {
        const entry = live(key);
        if (entry) out[key] = copy(entry.value);
      }
      return out;
    },

    set(key, value, opts) {
      calls.push({ method: 'set', key });
      const problem = keyProblem(key) ?? optionsProblem(key, opts);
      if (problem) return reject(400, problem);
      if (!isPlainObject(value) || Object.keys(value).length === 0) return reject(400, DB_MESSAGES.badValue);
      const stored = copy(normaliseDbValue(value) as JsonObject);
      if (tooLarge(key, stored)) return reject(400, DB_MESSAGES.itemTooLarge(maxBytes));
      entries.set(key, { value: stored, expiresAt: expiry(opts) });
      return Promise.resolve({ Created: true as const });
    },

    get(key) {
      calls.push({ method: 'get', key });
      const problem = keyProblem(key);
      if (problem) return reject(400, problem);
      const entry = live(key);
      return entry ? Promise.resolve(copy(entry.value)) : reject(404, DB_MESSAGES.notFound);
    },

    update(key, action, attributes, opts) {
      calls.push({ method: 'update', key });
      const problem = keyProblem(key) ?? optionsProblem(key, opts);
      if (problem) return reject(400, problem);
      const entry = live(key);
      if (!entry && action === 'remove') return reject(400, DB_MESSAGES.removeMissingKey);
      const record = entry ? copy(entry.value) : {};
      try {
        applyUpdate(record, action, copy(normaliseDbValue(attributes) as JsonObject | string[]));
      } catch (error) {
        return reject(400, error instanceof Refusal ? error.message : DB_MESSAGES.invalidPath);
      }
      if (tooLarge(key, record)) return reject(400, DB_MESSAGES.itemTooLarge(maxBytes));
      entries.set(key, { value: record, expiresAt: expiry(opts, entry?.expiresAt) });
      return Promise.resolve({ Updated: true as const });
    },

    delete(key) {
      calls.push({ method: 'delete', key });
      const problem = keyProblem(key);
      if (problem) return reject(400, problem);
      // FDK's local store answers Deleted even for a missing key; the stricter 404 makes callers handle both.
      if (!live(key)) return reject(404, DB_MESSAGES.notFound);
      entries.delete(key);
      return Promise.resolve({ Deleted: true as const });
    },
  };
}
