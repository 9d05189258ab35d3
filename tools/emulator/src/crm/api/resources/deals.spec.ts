import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../types';
import { crmFixture, read, type CrmErrorBody, type RecordList } from '../spec-helpers';

type One = { deal: StoredRecord; contacts?: StoredRecord[]; sales_accounts?: StoredRecord[]; deal_stages?: { id: number }[] };

describe('deals', () => {
  it('creates an open deal in the first stage, linking contacts_added_list as contact_ids', async () => {
    const crm = crmFixture('freshworks_crm');
    const response = await crm.call('POST', '/deals', { body: { deal: { name: 'Globex upsell', amount: '2500.50', sales_account_id: 301, contacts_added_list: [101, '102', 101] } } });
    expect(response.status).toBe(200);
    const { deal } = await read<One>(response);
    expect(deal).toMatchObject({ name: 'Globex upsell', amount: 2500.5, contact_ids: [101, 102], deal_stage_id: 711, deal_stage: 'New', forecast_type: 'Open', closed_date: null, owner_id: 1001 });
    expect(deal).not.toHaveProperty('contacts_added_list');
    expect(crm.changes[0]).toMatchObject({ entity: 'deals', action: 'create' });
  });

  it('answers 422 without a name or with unknown contacts, stage, account or owner', async () => {
    const crm = crmFixture('freshworks_crm');
    const response = await crm.call('POST', '/deals', { body: { deal: { contacts_added_list: [999], deal_stage_id: 1, sales_account_id: 998, owner_id: 3 } } });
    expect(response.status).toBe(422);
    expect((await read<CrmErrorBody>(response)).errors.message).toEqual([
      'Name is required.',
      'Owner 3 is not a user of this account.',
      'Sales account 998 does not exist.',
      'Contact 999 in contacts_added_list does not exist.',
      'Deal stage 1 does not exist.',
    ]);
    expect((await crm.call('POST', '/deals', { body: { deal: { name: '' } } })).status).toBe(400);
  });

  it('moves a deal to Won (closed today) and back to Open, and edits its contacts', async () => {
    const crm = crmFixture('freshsales');
    const won = await read<One>(await crm.call('PUT', '/deals/401', { body: { deal: { deal_stage_id: 715, contacts_removed_list: [102], contacts_added_list: [106] } } }));
    expect(won.deal).toMatchObject({ forecast_type: 'Won', deal_stage: 'Won', closed_date: '2026-11-21', contact_ids: [101, 106], stage_updated_time: '2026-11-21T10:00:00.000Z' });
    const reopened = await read<One>(await crm.call('PUT', '/deals/401', { body: { deal: { deal_stage_id: 712 } } }));
    expect(reopened.deal).toMatchObject({ forecast_type: 'Open', closed_date: null });
    const renamed = await read<One>(await crm.call('PUT', '/deals/401', { body: { deal: { name: 'Renamed' } } }));
    expect(renamed.deal).toMatchObject({ name: 'Renamed', deal_stage_id: 712, contact_ids: [101, 106] });
    const lost = await read<One>(await crm.call('PUT', '/deals/402', { body: { deal: { deal_stage_id: 716, closed_date: '2026-11-01' } } }));
    expect(lost.deal).toMatchObject({ forecast_type: 'Lost', closed_date: '2026-11-01' });
  });

  it('has no "All Deals" view: open, won, lost and mine', async () => {
    const crm = crmFixture('freshworks_crm');
    const { filters } = await read<{ filters: { id: number; name: string }[] }>(await crm.call('GET', '/deals/filters'));
    expect(filters.map((f) => f.name)).toEqual(['My Deals', 'Open Deals', 'Won Deals', 'Lost Deals']);
    const open = await read<RecordList<'deals'>>(await crm.call('GET', '/deals/view/33002'));
    expect(open.deals.map((d) => d.id).sort()).toEqual([401, 402, 404]);
    const won = await read<RecordList<'deals'>>(await crm.call('GET', '/deals/view/33003'));
    expect(won.deals.map((d) => d.id)).toEqual([403]);
    const mine = await read<RecordList<'deals'>>(await crm.call('GET', '/deals/view/33001'));
    expect(mine.meta.total).toBe(3);
  });

  it('side-loads contacts, account, owner and stage', async () => {
    const crm = crmFixture('freshworks_crm');
    const view = await read<One>(await crm.call('GET', '/deals/401?include=contacts,sales_account,deal_stage'));
    expect(view.contacts?.map((c) => c.id)).toEqual([101, 102]);
    expect(view.sales_accounts?.map((a) => a.id)).toEqual([301]);
    expect(view.deal_stages?.map((s) => s.id)).toEqual([714]);
  });
});
