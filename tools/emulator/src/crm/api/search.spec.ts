import { describe, expect, it } from 'vitest';
import { crmFixture, read } from './spec-helpers';

type Hit = { id: string; type: string; name: string; stage_name?: string; owner: { id: number } | null };

describe('GET /search', () => {
  it('answers a bare array of hits across entities for a name or email', async () => {
    const crm = crmFixture('freshsales');
    const hits = await read<Hit[]>(await crm.call('GET', '/search?q=initech'));
    expect(hits.map((h) => `${h.type}:${h.id}`)).toEqual(['contact:103', 'contact:104', 'sales_account:302', 'deal:402', 'deal:403']);
    expect(hits.find((h) => h.type === 'deal')).toMatchObject({ stage_name: 'Qualification', owner: { id: 1001 } });
    const byEmail = await read<Hit[]>(await crm.call('GET', '/search?q=hedy@&include=lead'));
    expect(byEmail).toEqual([expect.objectContaining({ id: '501', type: 'lead', name: 'Hedy Lamarr' })]);
  });

  it('searches phone numbers by digits', async () => {
    const crm = crmFixture('freshworks_crm');
    const hits = await read<Hit[]>(await crm.call('GET', '/search?q=%2B1%20415%20555%200300&include=contact,sales_account'));
    expect(hits.map((h) => `${h.type}:${h.id}`)).toEqual(['sales_account:301']);
    crm.store.update('freshworks_crm', 'contacts', 102, { owner_id: 4 });
    const person = await read<Hit[]>(await crm.call('GET', '/search?q=14155550121&include=contact,lead&per_page=1'));
    expect(person).toEqual([expect.objectContaining({ id: '102', owner: null })]);
  });

  it('answers 400 without q or for unknown include', async () => {
    const crm = crmFixture('freshworks_crm');
    expect((await crm.call('GET', '/search?q=%20')).status).toBe(400);
    expect((await crm.call('GET', '/search?q=ada&include=ticket')).status).toBe(400);
  });
});
