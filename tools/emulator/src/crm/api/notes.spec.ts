import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../types';
import { crmFixture, read, type CrmErrorBody } from './spec-helpers';

describe('notes', () => {
  it('creates, reads, updates and deletes a note on a record', async () => {
    const crm = crmFixture('freshsales');
    const created = await crm.call('POST', '/notes', { body: { note: { description: 'Call back Monday', targetable_type: 'SalesAccount', targetable_id: 301 } } });
    expect(created.status).toBe(200);
    const { note } = await read<{ note: StoredRecord }>(created);
    expect(note).toMatchObject({ description: 'Call back Monday', targetable_type: 'SalesAccount', targetable_id: 301, creater_id: 1001 });
    expect((await read<{ note: StoredRecord }>(await crm.call('GET', `/notes/${note.id}`))).note.id).toBe(note.id);
    const updated = await read<{ note: StoredRecord }>(await crm.call('PUT', `/notes/${note.id}`, { body: { note: { description: 'Call back Tuesday' } } }));
    expect(updated.note.description).toBe('Call back Tuesday');
    expect((await crm.call('DELETE', `/notes/${note.id}`)).status).toBe(200);
    expect(crm.changes.map((c) => c.action)).toEqual(['create', 'update', 'delete']);
  });

  it('answers 400, 404 and 422 where it should', async () => {
    const crm = crmFixture('freshworks_crm');
    const empty = await crm.call('POST', '/notes', { body: { note: { description: ' ', targetable_type: 'Contact', targetable_id: 999 } } });
    expect(empty.status).toBe(422);
    expect((await read<CrmErrorBody>(empty)).errors.message).toEqual(['description is required.', 'Contact 999 does not exist.']);
    expect((await crm.call('POST', '/notes', { body: { note: { description: 5 } } })).status).toBe(400);
    expect((await crm.call('POST', '/notes', { body: '{' })).status).toBe(400);
    for (const method of ['GET', 'PUT', 'DELETE']) expect((await crm.call(method, '/notes/42', method === 'PUT' ? { body: { note: {} } } : {})).status).toBe(404);
    expect((await crm.call('GET', '/notes/x')).status).toBe(404);
    const { note } = await read<{ note: StoredRecord }>(await crm.call('POST', '/notes', { body: { description: 'ok', targetable_type: 'Contact', targetable_id: 101 } }));
    expect((await crm.call('PUT', `/notes/${note.id}`, { body: { note: { description: '' } } })).status).toBe(422);
    expect((await crm.call('PUT', `/notes/${note.id}`, { body: { note: { description: [] } } })).status).toBe(400);
    expect((await crm.call('PUT', `/notes/${note.id}`, { body: '[' })).status).toBe(400);
  });
});
