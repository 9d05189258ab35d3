import type { Entity, StoredRecord } from '../../types';
import type { ApiScope } from '../scope';

export type RecordEntity = Extract<Entity, 'contacts' | 'leads' | 'deals' | 'sales_accounts'>;

export type Prepared = { ok: true; fields: Record<string, unknown> } | { ok: false; status: 400 | 422; messages: string[] };

/** A saved view, listed by `/<entity>/filters` and read by `/<entity>/view/<id>`. */
export interface ViewDef {
  id: number;
  name: string;
  isDefault: boolean;
  matches(record: StoredRecord, scope: ApiScope): boolean;
}

/** `?include=<name>` adds `{[key]: [...]}` next to the main key. */
export interface SideLoad {
  key: string;
  load(record: StoredRecord, scope: ApiScope): readonly { id: number }[];
}

/** One CRUD resource of the API: contacts, leads, deals or sales accounts. */
export interface ResourceDef {
  entity: RecordEntity;
  /** The wrapper key of one record, e.g. `contact`. */
  singular: string;
  /** As the filters' `model_class_name` and a targetable type say it, e.g. `SalesAccount`. */
  modelClass: string;
  views: readonly ViewDef[];
  /** Checks a create (no `existing`) or an update and answers the fields to write. */
  prepare(input: unknown, scope: ApiScope, existing?: StoredRecord): Prepared;
  sideLoads: Readonly<Record<string, SideLoad>>;
  /** `unique_identifier` keys `/upsert` accepts: how each finds a record, and the field it sets on create. */
  uniqueIdentifiers: Readonly<Record<string, { field: string; matches(record: StoredRecord, value: string, scope: ApiScope): boolean }>>;
}

const mine = (record: StoredRecord, scope: ApiScope) => record.owner_id === scope.userId;
const all = () => true;

export function allAndMine(baseId: number, plural: string): ViewDef[] {
  return [
    { id: baseId + 1, name: `All ${plural}`, isDefault: true, matches: all },
    { id: baseId + 2, name: `My ${plural}`, isDefault: false, matches: mine },
  ];
}
