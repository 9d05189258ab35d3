import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../types';
import { paginate, sortRecords } from './paging';

const rec = (id: number, fields: Record<string, unknown> = {}): StoredRecord => ({ id, created_at: '', updated_at: '', ...fields });

describe('paginate', () => {
  it('pages with 25 by default and caps per_page at 100', () => {
    const items = Array.from({ length: 130 }, (_, i) => i);
    expect(paginate(items, new URLSearchParams()).meta).toEqual({ total: 130, total_pages: 6 });
    const capped = paginate(items, new URLSearchParams('per_page=500&page=2'));
    expect(capped.items).toHaveLength(30);
    expect(capped.meta.total_pages).toBe(2);
    expect(paginate(items, new URLSearchParams('page=zero')).items[0]).toBe(0);
  });
});

describe('sortRecords', () => {
  it('sorts by updated_at descending by default, ties by id, nulls last', () => {
    const records = [rec(1, { updated_at: 'b' }), rec(2, { updated_at: 'c' }), rec(3, { updated_at: 'b' })];
    expect(sortRecords(records, new URLSearchParams()).map((r) => r.id)).toEqual([2, 1, 3]);
    const named = [rec(1, { name: null }), rec(2, { name: 'b' }), rec(3, { name: 'a' })];
    expect(sortRecords(named, new URLSearchParams('sort=name&sort_type=asc')).map((r) => r.id)).toEqual([3, 2, 1]);
    expect(sortRecords(named, new URLSearchParams('sort=name&sort_type=desc')).map((r) => r.id)).toEqual([2, 3, 1]);
    const amounts = [rec(1, { amount: 5 }), rec(2, { amount: 3 })];
    expect(sortRecords(amounts, new URLSearchParams('sort=amount&sort_type=asc')).map((r) => r.id)).toEqual([2, 1]);
    const mixed = [rec(1, { v: 'a' }), rec(2, { v: 1 })];
    expect(sortRecords(mixed, new URLSearchParams('sort=v&sort_type=asc')).map((r) => r.id).sort()).toEqual([1, 2]);
  });
});
