import { DB_LIMITS, isProductName, normaliseDbValue, type ProductName } from '@callbridge/core';
import { cloneJson, isPlainObject, utf8Length, type JsonRecord } from '../json';
import { JsonFile } from '../json-file';
import { PlatformFailure } from '../platform-error';
import { DB_ANSWERS } from './messages';
import { applyDbUpdate, isDbUpdateAction } from './update';

interface Entry {
  value: JsonRecord;
  /** Emulated epoch ms. */
  expires_at?: number;
}

type SetIf = 'exist' | 'not_exist';

const refuse = (message: string) => new PlatformFailure(400, message);

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '') throw refuse(DB_ANSWERS.badKey);
  if (key.length > DB_LIMITS.keyLength) throw refuse(DB_ANSWERS.keyTooLong);
  return key;
}

/** TTL in seconds (floats allowed); none, zero or negative keeps the key for good, as the platform documents. */
function parseOptions(options: unknown): { ttl?: number; setIf?: SetIf } {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) throw refuse(DB_ANSWERS.badTtl);
  const { ttl, setIf } = options;
  if (ttl !== undefined && ttl !== null && !(typeof ttl === 'number' && Number.isFinite(ttl))) throw refuse(DB_ANSWERS.badTtl);
  if (setIf !== undefined && setIf !== null && setIf !== 'exist' && setIf !== 'not_exist') throw refuse(DB_ANSWERS.badSetIf);
  return { ...(typeof ttl === 'number' && ttl > 0 ? { ttl } : {}), ...(setIf ? { setIf } : {}) };
}

/**
 * The data store of every installation: one key space per product (an omni app lives in two accounts), expiring
 * keys by the emulated clock, kept in `<appDir>/.fdk/db.json` so a restart keeps it.
 */
export class KvStore {
  private data = new Map<ProductName, Map<string, Entry>>();
  private readonly file: JsonFile;

  constructor(
    path: string,
    private readonly now: () => number,
  ) {
    this.file = new JsonFile(path);
  }

  async load(): Promise<void> {
    const raw = await this.file.read();
    this.data = new Map();
    if (!isPlainObject(raw)) return;
    for (const [product, entries] of Object.entries(raw)) {
      if (!isProductName(product) || !isPlainObject(entries)) continue;
      const table = this.table(product);
      for (const [key, entry] of Object.entries(entries)) {
        if (isPlainObject(entry) && isPlainObject(entry.value)) {
          table.set(key, { value: entry.value, ...(typeof entry.expires_at === 'number' ? { expires_at: entry.expires_at } : {}) });
        }
      }
    }
  }

  set(product: ProductName, key: unknown, value: unknown, options?: unknown): { Created: true } {
    const name = checkKey(key);
    const { ttl, setIf } = parseOptions(options);
    this.checkSetIf(product, name, setIf);
    if (!isPlainObject(value)) throw refuse(DB_ANSWERS.badValue);
    const stored = normaliseDbValue(cloneJson(value)) as JsonRecord;
    if (Object.keys(stored).length === 0) throw refuse(DB_ANSWERS.badValue);
    this.checkSize(name, stored);
    this.table(product).set(name, { value: stored, ...(ttl ? { expires_at: this.now() + ttl * 1000 } : {}) });
    void this.persist();
    return { Created: true };
  }

  get(product: ProductName, key: unknown): JsonRecord {
    const entry = this.live(product, checkKey(key));
    if (!entry) throw new PlatformFailure(404, DB_ANSWERS.notFound);
    return cloneJson<JsonRecord>(entry.value);
  }

  /** increment and append create a missing key, as FDK's store does; remove on a missing key is refused. */
  update(product: ProductName, key: unknown, action: unknown, attributes: unknown, options?: unknown): { Updated: true } {
    const name = checkKey(key);
    if (!isDbUpdateAction(action)) throw refuse(DB_ANSWERS.badAction);
    const { ttl, setIf } = parseOptions(options);
    this.checkSetIf(product, name, setIf);
    const entry = this.live(product, name);
    if (!entry && action === 'remove') throw refuse(DB_ANSWERS.removeMissingKey);
    const record = entry ? cloneJson<JsonRecord>(entry.value) : {};
    applyDbUpdate(record, action, normaliseDbValue(cloneJson(attributes)));
    this.checkSize(name, record);
    const expiresAt = ttl ? this.now() + ttl * 1000 : entry?.expires_at;
    this.table(product).set(name, { value: record, ...(expiresAt !== undefined ? { expires_at: expiresAt } : {}) });
    void this.persist();
    return { Updated: true };
  }

  delete(product: ProductName, key: unknown): { Deleted: true } {
    const name = checkKey(key);
    if (!this.live(product, name)) throw new PlatformFailure(404, DB_ANSWERS.notFound);
    this.table(product).delete(name);
    void this.persist();
    return { Deleted: true };
  }

  /** Live keys and values per product, for `/_emulator/state`. */
  snapshot(): Record<ProductName, JsonRecord> {
    const out = {} as Record<ProductName, JsonRecord>;
    for (const [product, table] of this.data) {
      const values: JsonRecord = {};
      for (const key of [...table.keys()].sort()) {
        const entry = this.live(product, key);
        if (entry) values[key] = cloneJson(entry.value);
      }
      out[product] = values;
    }
    return out;
  }

  clear(): Promise<void> {
    this.data = new Map();
    return this.persist();
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  private persist(): Promise<void> {
    return this.file.save(() => Object.fromEntries([...this.data].map(([product, table]) => [product, Object.fromEntries(table)])));
  }

  private table(product: ProductName): Map<string, Entry> {
    let table = this.data.get(product);
    if (!table) {
      table = new Map();
      this.data.set(product, table);
    }
    return table;
  }

  private live(product: ProductName, key: string): Entry | undefined {
    const table = this.table(product);
    const entry = table.get(key);
    if (entry?.expires_at !== undefined && entry.expires_at <= this.now()) {
      table.delete(key);
      return undefined;
    }
    return entry;
  }

  private checkSetIf(product: ProductName, key: string, setIf: SetIf | undefined): void {
    if (!setIf) return;
    const exists = this.live(product, key) !== undefined;
    if ((setIf === 'exist' && !exists) || (setIf === 'not_exist' && exists)) throw refuse(DB_ANSWERS.setIfFailed);
  }

  private checkSize(key: string, value: JsonRecord): void {
    if (utf8Length(key) + utf8Length(JSON.stringify(value)) > DB_LIMITS.itemBytes) throw refuse(DB_ANSWERS.itemTooLarge);
  }
}
