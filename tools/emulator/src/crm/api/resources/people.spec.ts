import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../types';
import { crmFixture, read, type CrmErrorBody, type RecordList } from '../spec-helpers';

describe('leads', () => {
  it('exist only in Freshsales Classic: every lead route is 404 in Freshworks CRM', async () => {
    const crm = crmFixture('freshworks_crm');
    for (const [method, path] of [['GET', '/leads/501'], ['GET', '/leads/filters'], ['POST', '/leads']] as const) {
      const response = await crm.call(method, path, method === 'POST' ? { body: { lead: { email: 'x@y.z' } } } : {});
      expect(response.status).toBe(404);
      expect((await read<CrmErrorBody>(response)).errors.code).toBe(404);
    }
  });

  it('create, view, update, list and delete in Freshsales, with company and the lead events', async () => {
    const crm = crmFixture('freshsales');
    const created = await read<{ lead: StoredRecord }>(
      await crm.call('POST', '/leads', { body: { lead: { first_name: 'Joan', last_name: 'Clarke', mobile_number: '+447700900123', company: { name: 'Hut 8' } } } }),
    );
    expect(created.lead).toMatchObject({ display_name: 'Joan Clarke', company: { name: 'Hut 8' }, owner_id: 1001 });
    expect(created.lead).not.toHaveProperty('sales_account_id');
    const id = created.lead.id;
    expect((await read<{ lead: StoredRecord }>(await crm.call('GET', `/leads/${id}?include=owner`))).lead.id).toBe(id);
    await crm.call('PUT', `/leads/${id}`, { body: { lead: { first_name: 'Joan E.' } } });
    const { filters } = await read<{ filters: { id: number; name: string }[] }>(await crm.call('GET', '/leads/filters'));
    expect(filters.map((f) => f.name)).toEqual(['All Leads', 'My Leads']);
    const all = await read<RecordList<'leads'>>(await crm.call('GET', `/leads/view/${filters[0]!.id}`));
    expect(all.meta.total).toBe(3);
    expect((await crm.call('DELETE', `/leads/${id}`)).status).toBe(200);
    expect(crm.changes.map((c) => `${c.entity}:${c.action}`)).toEqual(['leads:create', 'leads:update', 'leads:delete']);
  });

  it('treats a lead email as unique among leads only', async () => {
    const crm = crmFixture('freshsales');
    expect((await crm.call('POST', '/leads', { body: { lead: { email: 'ada@globex.example' } } })).status).toBe(200);
    const taken = await crm.call('POST', '/leads', { body: { lead: { email: 'hedy@example.org' } } });
    expect((await read<CrmErrorBody>(taken)).errors.message[0]).toContain('another lead (id 501)');
  });
});
