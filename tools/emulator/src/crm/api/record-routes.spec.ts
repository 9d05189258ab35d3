import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../types';
import { crmFixture, read, type CrmErrorBody, type RecordList } from './spec-helpers';

type One = { contact: StoredRecord; sales_accounts?: StoredRecord[]; deals?: StoredRecord[]; users?: { id: number }[] };

describe('contacts', () => {
  it('creates a contact wrapped or bare, answers it wrapped, and fires the store change', async () => {
    const crm = crmFixture('freshworks_crm');
    const response = await crm.call('POST', '/contacts', { body: { contact: { first_name: 'Mary', last_name: 'Jackson', mobile_number: '+14155550199' } } });
    expect(response.status).toBe(200);
    const { contact } = await read<One>(response);
    expect(contact).toMatchObject({ first_name: 'Mary', display_name: 'Mary Jackson', mobile_number: '+14155550199', email: null, owner_id: 1001, sales_account_id: null });
    expect(crm.changes).toEqual([expect.objectContaining({ product: 'freshworks_crm', entity: 'contacts', action: 'create', actorId: 1001 })]);
    const bare = await read<One>(await crm.call('POST', '/contacts', { body: { last_name: 'Bare', email: 'bare@example.com' } }));
    expect(bare.contact.display_name).toBe('Bare');
  });

  it('takes the primary address of emails and the primary account of sales_accounts', async () => {
    const crm = crmFixture('freshworks_crm');
    const body = {
      contact: {
        first_name: 'Dorothy',
        emails: ['old@example.com', { value: 'dorothy@example.com', is_primary: true }],
        sales_accounts: [{ id: 302 }, { id: '301', is_primary: true }],
      },
    };
    const { contact } = await read<One>(await crm.call('POST', '/contacts', { body }));
    expect(contact).toMatchObject({ email: 'dorothy@example.com', sales_account_id: 301 });
    expect(contact).not.toHaveProperty('emails');
  });

  it('answers 400 for fields of the wrong type', async () => {
    const crm = crmFixture('freshworks_crm');
    const response = await crm.call('POST', '/contacts', { body: { contact: { first_name: 5, email: 'not-an-email', owner_id: 'me' } } });
    expect(response.status).toBe(400);
    const { errors } = await read<CrmErrorBody>(response);
    expect(errors.code).toBe(400);
    expect(errors.message.join(' ')).toMatch(/first_name.*email.*owner_id/);
    expect(crm.changes).toEqual([]);
  });

  it('answers 422 without email or mobile number, for a taken email, or unknown owner and account', async () => {
    const crm = crmFixture('freshworks_crm');
    const missing = await crm.call('POST', '/contacts', { body: { contact: { first_name: 'Nobody', work_number: '+1555' } } });
    expect(missing.status).toBe(422);
    expect((await read<CrmErrorBody>(missing)).errors.message).toEqual(['Email or mobile number is required.']);
    const clash = await crm.call('POST', '/contacts', { body: { contact: { email: 'ADA@globex.example', owner_id: 5, sales_account_id: 999 } } });
    expect(clash.status).toBe(422);
    expect((await read<CrmErrorBody>(clash)).errors.message).toEqual([
      'Email ADA@globex.example is already used by another contact (id 101).',
      'Owner 5 is not a user of this account.',
      'Sales account 999 does not exist.',
    ]);
  });

  it('views a contact with side-loaded account, deals and owner; 404 for unknown or malformed ids', async () => {
    const crm = crmFixture('freshsales');
    const view = await read<One>(await crm.call('GET', '/contacts/101?include=sales_accounts,deals,owner,nonsense'));
    expect(view.contact.id).toBe(101);
    expect(view.sales_accounts?.map((a) => a.id)).toEqual([301]);
    expect(view.deals?.map((d) => d.id)).toEqual([401]);
    expect(view.users?.map((u) => u.id)).toEqual([1001]);
    const lonely = await read<One>(await crm.call('GET', '/contacts/106?include=sales_accounts,owner'));
    expect(lonely.sales_accounts).toEqual([]);
    expect((await crm.call('GET', '/contacts/999')).status).toBe(404);
    const malformed = await crm.call('GET', '/contacts/abc');
    expect(malformed.status).toBe(404);
    expect((await read<CrmErrorBody>(malformed)).errors.message).toEqual(['Contact abc does not exist']);
  });

  it('updates only what changed, keeps display_name in step, and reports the change', async () => {
    const crm = crmFixture('freshworks_crm');
    const response = await crm.call('PUT', '/contacts/101', { body: { contact: { last_name: 'King', mobile_number: null } } });
    expect(response.status).toBe(200);
    const { contact } = await read<One>(response);
    expect(contact).toMatchObject({ first_name: 'Ada', last_name: 'King', display_name: 'Ada King', mobile_number: null, email: 'ada@globex.example' });
    expect(crm.changes[0]?.changes).toMatchObject({ last_name: ['Lovelace', 'King'], mobile_number: ['+14155550111', null] });
    expect((await crm.call('PUT', '/contacts/101', { body: { contact: { email: null, mobile_number: null } } })).status).toBe(422);
    expect((await crm.call('PUT', '/contacts/101', { body: '{' })).status).toBe(400);
    expect((await crm.call('PUT', '/contacts/999', { body: { contact: {} } })).status).toBe(404);
    expect((await crm.call('PUT', '/contacts/101', { body: { contact: { job_title: 3 } } })).status).toBe(400);
  });

  it('deletes with 200 true, reported as is_deleted, then 404', async () => {
    const crm = crmFixture('freshworks_crm');
    const response = await crm.call('DELETE', '/contacts/106');
    expect(response.status).toBe(200);
    expect(await response.json()).toBe(true);
    expect(crm.changes[0]).toMatchObject({ action: 'delete', record: { id: 106, is_deleted: true } });
    expect((await crm.call('DELETE', '/contacts/106')).status).toBe(404);
    expect((await crm.call('DELETE', '/contacts/x')).status).toBe(404);
  });

  it('lists saved views, and reads one with paging and meta', async () => {
    const crm = crmFixture('freshworks_crm');
    const { filters } = await read<{ filters: { id: number; name: string; model_class_name: string; is_default: boolean }[] }>(await crm.call('GET', '/contacts/filters'));
    expect(filters.map((f) => [f.id, f.name, f.is_default])).toEqual([
      [31001, 'All Contacts', true],
      [31002, 'My Contacts', false],
    ]);
    expect(filters[0]?.model_class_name).toBe('Contact');
    const page = await read<RecordList<'contacts'>>(await crm.call('GET', '/contacts/view/31001?per_page=4&page=2&sort=id&sort_type=asc'));
    expect(page.contacts.map((c) => c.id)).toEqual([105, 106]);
    expect(page.meta).toEqual({ total: 6, total_pages: 2 });
    const withAccounts = await read<RecordList<'contacts'> & { sales_accounts: StoredRecord[] }>(await crm.call('GET', '/contacts/view/31001?include=sales_accounts'));
    expect(withAccounts.sales_accounts.map((a) => a.id).sort()).toEqual([301, 302, 303]);
    expect((await crm.call('GET', '/contacts/view/1')).status).toBe(404);
  });

  it('reads "My Contacts" as the API key owner\'s, and offers a plain list', async () => {
    const crm = crmFixture('freshworks_crm');
    crm.store.update('freshworks_crm', 'contacts', 102, { owner_id: 1002 });
    const mine = await read<RecordList<'contacts'>>(await crm.call('GET', '/contacts/view/31002'));
    expect(mine.contacts.map((c) => c.id)).not.toContain(102);
    const all = await read<RecordList<'contacts'>>(await crm.call('GET', '/contacts'));
    expect(all.meta.total).toBe(6);
  });

  it('upserts by email or mobile number: 201 when created, 200 when updated', async () => {
    const crm = crmFixture('freshworks_crm');
    const updated = await crm.call('POST', '/contacts/upsert', { body: { unique_identifier: { emails: 'grace@globex.example' }, contact: { job_title: 'Rear Admiral' } } });
    expect(updated.status).toBe(200);
    expect((await read<One>(updated)).contact).toMatchObject({ id: 102, job_title: 'Rear Admiral' });
    const byPhone = await crm.call('POST', '/contacts/upsert', { body: { unique_identifier: { mobile_number: '+1 415 555 0111' }, contact: { job_title: 'Countess' } } });
    expect((await read<One>(byPhone)).contact.id).toBe(101);
    const created = await crm.call('POST', '/contacts/upsert', { body: { unique_identifier: { mobile_number: '+14155550177' }, contact: { first_name: 'New' } } });
    expect(created.status).toBe(201);
    expect((await read<One>(created)).contact).toMatchObject({ mobile_number: '+14155550177', first_name: 'New' });
    const bare = await crm.call('POST', '/contacts/upsert', { body: { unique_identifier: { email: 'fresh@example.com' } } });
    expect(bare.status).toBe(201);
  });

  it('answers 400 and 422 for bad upserts', async () => {
    const crm = crmFixture('freshworks_crm');
    for (const unique_identifier of [undefined, {}, { phone: '+1' }, { emails: 5 }, { emails: 'a@b.c', mobile_number: '+1' }]) {
      const response = await crm.call('POST', '/contacts/upsert', { body: { unique_identifier, contact: {} } });
      expect(response.status).toBe(400);
    }
    expect((await crm.call('POST', '/contacts/upsert', { body: '[]' })).status).toBe(400);
    const invalid = await crm.call('POST', '/contacts/upsert', { body: { unique_identifier: { emails: 'ada@globex.example' }, contact: { owner_id: 77 } } });
    expect(invalid.status).toBe(422);
    const noUpsert = await crm.call('POST', '/deals/upsert', { body: { unique_identifier: { name: 'x' } } });
    expect((await read<CrmErrorBody>(noUpsert)).errors.message[0]).toContain('not supported');
  });
});
