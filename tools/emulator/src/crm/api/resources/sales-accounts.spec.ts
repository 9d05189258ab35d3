import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../types';
import { crmFixture, read, type CrmErrorBody, type RecordList } from '../spec-helpers';

type One = { sales_account: StoredRecord; contacts?: StoredRecord[]; deals?: StoredRecord[] };

describe('sales accounts', () => {
  it('creates, reads with contacts and deals, updates and deletes', async () => {
    const crm = crmFixture('freshworks_crm');
    const created = await read<One>(await crm.call('POST', '/sales_accounts', { body: { sales_account: { name: 'Hooli', phone: '+16505550100', annual_revenue: '1000000' } } }));
    expect(created.sales_account).toMatchObject({ name: 'Hooli', phone: '+16505550100', website: null, annual_revenue: 1000000, owner_id: 1001 });
    const globex = await read<One>(await crm.call('GET', '/sales_accounts/301?include=contacts,deals,owner'));
    expect(globex.contacts?.map((c) => c.id)).toEqual([101, 102]);
    expect(globex.deals?.map((d) => d.id)).toEqual([401]);
    const renamed = await read<One>(await crm.call('PUT', `/sales_accounts/${created.sales_account.id}`, { body: { sales_account: { website: 'hooli.example' } } }));
    expect(renamed.sales_account.website).toBe('hooli.example');
    expect((await crm.call('DELETE', `/sales_accounts/${created.sales_account.id}`)).status).toBe(200);
  });

  it('answers 422 for a missing or taken name', async () => {
    const crm = crmFixture('freshworks_crm');
    expect((await read<CrmErrorBody>(await crm.call('POST', '/sales_accounts', { body: { sales_account: { website: 'x' } } }))).errors.message).toEqual(['Name is required.']);
    const taken = await crm.call('PUT', '/sales_accounts/302', { body: { sales_account: { name: 'globex corporation', owner_id: 9 } } });
    expect(taken.status).toBe(422);
    expect((await read<CrmErrorBody>(taken)).errors.message).toEqual(['A sales account named globex corporation already exists (id 301).', 'Owner 9 is not a user of this account.']);
  });

  it('lists All and My Accounts, and upserts by name', async () => {
    const crm = crmFixture('freshsales');
    const all = await read<RecordList<'sales_accounts'>>(await crm.call('GET', '/sales_accounts/view/34001'));
    expect(all.meta.total).toBe(3);
    const mine = await read<RecordList<'sales_accounts'>>(await crm.call('GET', '/sales_accounts/view/34002'));
    expect(mine.sales_accounts.map((a) => a.id).sort()).toEqual([301, 302]);
    const upserted = await crm.call('POST', '/sales_accounts/upsert', { body: { unique_identifier: { name: 'INITECH' }, sales_account: { website: 'initech.test' } } });
    expect(upserted.status).toBe(200);
    expect((await read<One>(upserted)).sales_account).toMatchObject({ id: 302, website: 'initech.test' });
  });
});
