import type { StoredRecord } from '../types';

export interface ListMeta {
  total: number;
  total_pages: number;
}

const positiveInt = (raw: string | null, fallback: number): number => {
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** `page` (from 1) and `per_page` (25 by default, silently capped at 100, as the products do). */
export function paginate<T>(items: readonly T[], query: URLSearchParams, defaultPerPage = 25, maxPerPage = 100): { items: T[]; meta: ListMeta } {
  const perPage = Math.min(positiveInt(query.get('per_page'), defaultPerPage), maxPerPage);
  const page = positiveInt(query.get('page'), 1);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    meta: { total: items.length, total_pages: Math.ceil(items.length / perPage) },
  };
}

const compare = (a: unknown, b: unknown): number => {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b) : JSON.stringify(a).localeCompare(JSON.stringify(b));
};

/** `sort=<field>&sort_type=asc|desc`; `updated_at` descending by default, ties broken by id. */
export function sortRecords(records: StoredRecord[], query: URLSearchParams, defaultField = 'updated_at'): StoredRecord[] {
  const field = query.get('sort') || defaultField;
  const direction = query.get('sort_type')?.toLowerCase() === 'asc' ? 1 : -1;
  return [...records].sort((a, b) => {
    const byField = compare(a[field], b[field]);
    return byField !== 0 ? byField * (a[field] == null || b[field] == null ? 1 : direction) : a.id - b.id;
  });
}
