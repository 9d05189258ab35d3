import { describe, expect, it, vi } from 'vitest';
import { CrmStore } from './store';
import type { RecordChange } from './types';

const clock = () => new Date('2026-11-21T10:00:00Z');

describe('CrmStore', () => {
  it('seeds both accounts, with leads only in Freshsales', () => {
    const store = new CrmStore(clock);
    expect(store.list('freshworks_crm', 'contacts').length).toBeGreaterThan(3);
    expect(store.list('freshworks_crm', 'leads')).toEqual([]);
    expect(store.list('freshsales', 'leads').length).toBeGreaterThan(0);
    expect(store.account('freshworks_crm').apiBase).toBe('https://acme.myfreshworks.com/crm/sales/api');
    expect(store.account('freshsales').apiBase).toBe('https://acme.freshsales.io/api');
  });

  it('keeps the two products apart', () => {
    const store = new CrmStore(clock);
    store.update('freshsales', 'contacts', 101, { first_name: 'Augusta' });
    expect(store.get('freshworks_crm', 'contacts', 101)?.first_name).toBe('Ada');
  });

  it('reports creates, updates with old and new values, and deletes as the platform does', () => {
    const store = new CrmStore(clock);
    const changes: RecordChange[] = [];
    store.onChange((c) => changes.push(c));
    const created = store.create('freshworks_crm', 'contacts', { id: 5, first_name: 'New', mobile_number: '+1555' });
    expect(created.id).toBeGreaterThanOrEqual(10_000);
    store.update('freshworks_crm', 'contacts', created.id, { mobile_number: '+1666', first_name: 'New' });
    store.delete('freshworks_crm', 'contacts', created.id);
    expect(changes.map((c) => c.action)).toEqual(['create', 'update', 'delete']);
    expect(changes[0]!.changes.first_name).toEqual([null, 'New']);
    expect(changes[1]!.changes).toEqual({ mobile_number: ['+1555', '+1666'], updated_at: [created.updated_at, '2026-11-21T10:00:00.000Z'] });
    expect(changes[2]!.record.is_deleted).toBe(true);
    expect(store.get('freshworks_crm', 'contacts', created.id)).toBeUndefined();
  });

  it('fires nothing for an update that changes nothing, or a record that does not exist', () => {
    const store = new CrmStore(clock);
    const listener = vi.fn();
    store.onChange(listener);
    expect(store.update('freshworks_crm', 'contacts', 101, { first_name: 'Ada' })?.first_name).toBe('Ada');
    expect(store.update('freshworks_crm', 'contacts', 999, { first_name: 'X' })).toBeUndefined();
    expect(store.delete('freshworks_crm', 'contacts', 999)).toBe(false);
    expect(listener).not.toHaveBeenCalled();
  });

  it('hands out copies, so callers cannot change stored records by accident', () => {
    const store = new CrmStore(clock);
    const record = store.get('freshworks_crm', 'contacts', 101)!;
    record.first_name = 'Mutated';
    expect(store.get('freshworks_crm', 'contacts', 101)?.first_name).toBe('Ada');
  });

  it('survives a failing listener and resets to the seed', () => {
    const store = new CrmStore(clock);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    store.onChange(() => {
      throw new Error('boom');
    });
    store.onChange(after);
    store.create('freshsales', 'leads', { first_name: 'L' });
    expect(after).toHaveBeenCalled();
    expect(error).toHaveBeenCalled();
    store.reset();
    expect(store.snapshot('freshsales').leads).toHaveLength(2);
  });
});
