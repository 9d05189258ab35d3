import { PRODUCTS, type ProductName } from '@callbridge/core';
import { accountFor, SEED_USERS, seedRecords } from './seed';
import { ENTITIES, type CrmAccount, type CrmUser, type Entity, type RecordChange, type StoredRecord } from './types';

type Listener = (change: RecordChange) => void;

const DEFAULT_ACTOR = SEED_USERS[0]!.id;

/**
 * The records of both emulated accounts. Every write goes through here so the product events the platform fires
 * (and the pages, and the REST API) all see the same data.
 */
export class CrmStore {
  private records = new Map<ProductName, Map<Entity, Map<number, StoredRecord>>>();
  private nextId = 10_000;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly now: () => Date = () => new Date()) {
    this.reset();
  }

  readonly users: readonly CrmUser[] = SEED_USERS;

  account(product: ProductName): CrmAccount {
    return accountFor(product);
  }

  /** Back to the seeded records; listeners stay. */
  reset(): void {
    this.records = new Map(
      PRODUCTS.map((product) => {
        const seed = seedRecords(product);
        return [product, new Map(ENTITIES.map((entity) => [entity, new Map(seed[entity].map((r) => [r.id, structuredClone(r)]))]))];
      }),
    );
    this.nextId = 10_000;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private table(product: ProductName, entity: Entity): Map<number, StoredRecord> {
    return this.records.get(product)!.get(entity)!;
  }

  list(product: ProductName, entity: Entity): StoredRecord[] {
    return [...this.table(product, entity).values()].map((r) => structuredClone(r)).sort((a, b) => a.id - b.id);
  }

  get(product: ProductName, entity: Entity, id: number): StoredRecord | undefined {
    const record = this.table(product, entity).get(id);
    return record && structuredClone(record);
  }

  create(product: ProductName, entity: Entity, fields: Record<string, unknown>, actorId = DEFAULT_ACTOR): StoredRecord {
    const at = this.now().toISOString();
    const { id: _ignored, ...rest } = fields;
    const record: StoredRecord = { ...rest, id: this.nextId++, created_at: at, updated_at: at };
    this.table(product, entity).set(record.id, record);
    const changes = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, [null, v] as [unknown, unknown]]));
    this.emit({ product, entity, action: 'create', record: structuredClone(record), changes, actorId });
    return structuredClone(record);
  }

  /** Applies the fields that differ; answers undefined when there is no such record. */
  update(product: ProductName, entity: Entity, id: number, fields: Record<string, unknown>, actorId = DEFAULT_ACTOR): StoredRecord | undefined {
    const table = this.table(product, entity);
    const current = table.get(id);
    if (!current) return undefined;
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'id' || key === 'created_at' || key === 'updated_at') continue;
      if (JSON.stringify(current[key]) !== JSON.stringify(value)) changes[key] = [current[key] ?? null, value];
    }
    if (Object.keys(changes).length === 0) return structuredClone(current);
    const updatedAt = this.now().toISOString();
    changes.updated_at = [current.updated_at, updatedAt];
    const next: StoredRecord = { ...current, ...fields, id, created_at: current.created_at, updated_at: updatedAt };
    table.set(id, next);
    this.emit({ product, entity, action: 'update', record: structuredClone(next), changes, actorId });
    return structuredClone(next);
  }

  /** The platform reports a deletion as an update with `is_deleted: true`. */
  delete(product: ProductName, entity: Entity, id: number, actorId = DEFAULT_ACTOR): boolean {
    const table = this.table(product, entity);
    const current = table.get(id);
    if (!current) return false;
    table.delete(id);
    const record = { ...current, is_deleted: true };
    this.emit({ product, entity, action: 'delete', record, changes: { is_deleted: [false, true] }, actorId });
    return true;
  }

  private emit(change: RecordChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error(`emulator: a listener for ${change.entity} ${change.action} failed:`, error);
      }
    }
  }

  /** Everything, for `/_emulator/state`. */
  snapshot(product: ProductName): Record<Entity, StoredRecord[]> {
    return Object.fromEntries(ENTITIES.map((entity) => [entity, this.list(product, entity)])) as Record<Entity, StoredRecord[]>;
  }
}
