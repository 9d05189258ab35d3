import crmContactUpdate from '@callbridge/core/payloads/freshworks_crm/onContactUpdate.json';
import crmDealCreate from '@callbridge/core/payloads/freshworks_crm/onDealCreate.json';
import classicContactUpdate from '@callbridge/core/payloads/freshsales/onContactUpdate.json';
import classicDealUpdate from '@callbridge/core/payloads/freshsales/onDealUpdate.json';
import classicLeadDelete from '@callbridge/core/payloads/freshsales/onLeadDelete.json';
import { describe, expect, it } from 'vitest';
import { createHarness, setupHarnessServer, type Harness } from '../testing/harness';
import { onDealCreate, onDealUpdate } from './on-deal-events';
import { onContactCreate, onContactUpdate, onLeadCreate, onLeadDelete, onLeadUpdate } from './on-person-events';

const server = setupHarnessServer();
let h: Harness;

const clone = <T>(value: T): T => structuredClone(value);
const db = (harness: Harness) => harness.fake.$db.dump();
const person = (id: number, fields: Record<string, unknown> = {}) => ({ id, first_name: 'Jane', last_name: 'Doe', mobile_number: null, work_number: null, ...fields });

describe('phone index: contacts', () => {
  it('indexes a new contact under each of its numbers, normalised', async () => {
    h = createHarness(server);
    const [answer] = await h.run(onContactCreate, 'onContactCreate', { contact: person(7, { mobile_number: '+1 (415) 555-0111', work_number: '+44 20 7946 0131' }) });
    expect(answer).toEqual({ error: null, data: { indexed: 2, removed: 0 } });
    expect(db(h)).toEqual({
      'ph:14155550111': { refs: [{ type: 'contact', id: 7, name: 'Jane Doe' }] },
      'ph:442079460131': { refs: [{ type: 'contact', id: 7, name: 'Jane Doe' }] },
      'rn:c:7': { numbers: ['14155550111', '442079460131'] },
    });
  });

  it('moves a contact to its new number and drops the old one (Freshsales form, changes on the record)', async () => {
    h = createHarness(server, { product: 'freshsales' });
    const payload = clone(classicContactUpdate);
    await h.fake.$db.set('ph:13333333333', { refs: [{ type: 'contact', id: 24, name: 'Jane Sampleton' }, { type: 'lead', id: 3, name: 'Other' }] });
    await h.fake.$db.set('ph:12222222222', { refs: [{ type: 'contact', id: 24, name: 'Jane Sampleton' }] });
    await onContactUpdate({ ...payload, iparams: h.iparams });
    expect(db(h)).toEqual({
      'ph:13333333333': { refs: [{ type: 'lead', id: 3, name: 'Other' }] },
      'ph:13333333332': { refs: [{ type: 'contact', id: 24, name: 'Jane Sampleton' }] },
      'ph:12222222221': { refs: [{ type: 'contact', id: 24, name: 'Jane Sampleton' }] },
      'rn:c:24': { numbers: ['13333333332', '12222222221'] },
    });
  });

  it('renames a contact in the index, and skips updates that touch neither numbers nor names (Freshworks CRM form)', async () => {
    h = createHarness(server);
    const payload = clone(crmContactUpdate);
    payload.data.contact.mobile_number.value = '+14155550111';
    await onContactUpdate({ ...payload, iparams: h.iparams });
    expect(db(h)['ph:14155550111']).toEqual({ refs: [{ type: 'contact', id: 5470, name: 'test11 test' }] });
    payload.data.changes.model_changes = { owner_id: [1, 2] } as unknown as typeof payload.data.changes.model_changes;
    expect((await h.run(onContactUpdate, 'onContactUpdate', payload.data))[0]?.data).toEqual({ skipped: 'no phone number or name changed' });
  });

  it('forgets a deleted contact, whatever numbers it had', async () => {
    h = createHarness(server);
    await h.run(onContactCreate, 'onContactCreate', { contact: person(7, { mobile_number: '+14155550111' }) });
    await h.fake.$db.set('ph:14155550199', { refs: [{ type: 'contact', id: 7, name: 'Jane Doe' }] });
    const [answer] = await h.run(onContactUpdate, 'onContactUpdate', {
      contact: person(7, { mobile_number: '+14155550199', is_deleted: true }),
      changes: { model_changes: { is_deleted: [false, true] } },
    });
    expect(answer?.data).toEqual({ indexed: 0, removed: 2 });
    expect(db(h)).toEqual({});
  });

  it('keeps records without numbers out of the index, and names the nameless', async () => {
    h = createHarness(server);
    expect((await h.run(onContactCreate, 'onContactCreate', { contact: person(8, { mobile_number: 'n/a' }) }))[0]?.data).toEqual({ indexed: 0, removed: 0 });
    await h.run(onContactCreate, 'onContactCreate', { contact: person(9, { first_name: null, last_name: null, mobile_number: '+14155550111' }) });
    expect(db(h)['ph:14155550111']).toEqual({ refs: [{ type: 'contact', id: 9, name: 'Unnamed contact' }] });
    await h.run(onContactCreate, 'onContactCreate', { contact: person(9, { first_name: null, last_name: null, mobile_number: '+14155550111' }) });
    expect(db(h)['ph:14155550111']).toEqual({ refs: [{ type: 'contact', id: 9, name: 'Unnamed contact' }] });
  });

  it('answers 400 naming the field when the payload is not a contact event', async () => {
    h = createHarness(server);
    expect((await h.run(onContactCreate, 'onContactCreate', { contact: { id: 'x' } }))[0]?.error?.status).toBe(400);
  });
});

describe('phone index: leads (Freshsales)', () => {
  it('indexes, updates and forgets leads', async () => {
    h = createHarness(server, { product: 'freshsales' });
    await h.run(onLeadCreate, 'onLeadCreate', { lead: person(32, { mobile_number: '5432154321' }) });
    expect(db(h)['ph:15432154321']).toEqual({ refs: [{ type: 'lead', id: 32, name: 'Jane Doe' }] });
    await h.run(onLeadUpdate, 'onLeadUpdate', { lead: { ...person(32, { mobile_number: '5432154322' }), changes: { mobile_number: ['5432154321', '5432154322'] } } });
    expect(Object.keys(db(h)).sort()).toEqual(['ph:15432154322', 'rn:l:32']);
    await onLeadDelete({ ...clone(classicLeadDelete), iparams: h.iparams });
    expect(db(h)).toEqual({});
  });
});

describe('deal links', () => {
  const openStage = { deal_stage: { id: 711, name: 'New', forecast_type: 'Open' } };

  it("links an open deal to its contacts (Freshworks CRM), and unlinks them when it is won", async () => {
    h = createHarness(server);
    const payload = clone(crmDealCreate);
    Object.assign(payload.data.deal, { contact_ids: [5, 6] });
    expect((await h.run(onDealCreate, 'onDealCreate', payload.data))[0]?.data).toEqual({ open: true, linked: 2, unlinked: 0 });
    const dealId = payload.data.deal.id;
    const name = payload.data.deal.name.value;
    expect(db(h)).toMatchObject({ 'deals:5': { deals: [{ id: dealId, name }] }, 'deals:6': { deals: [{ id: dealId }] }, [`dealc:${dealId}`]: { contacts: [5, 6] } });
    const won = { ...payload.data, associations: { deal_stage: { id: 715, name: 'Won', forecast_type: 'Won' } }, changes: { model_changes: { deal_stage_id: [711, 715] } } };
    expect((await h.run(onDealUpdate, 'onDealUpdate', won))[0]?.data).toEqual({ open: false, linked: 0, unlinked: 2 });
    expect(db(h)).toEqual({ 'deals:5': { deals: [] }, 'deals:6': { deals: [] } });
  });

  it('unlinks contacts taken off a deal, and links with the associations list when there is no contact_ids', async () => {
    h = createHarness(server);
    await h.run(onDealCreate, 'onDealCreate', { deal: { id: 40, name: 'Big', contact_ids: [5, 6] }, associations: openStage });
    await h.run(onDealUpdate, 'onDealUpdate', { deal: { id: 40, name: 'Big' }, associations: { ...openStage, contacts: [{ id: 6 }, { id: 7 }] }, changes: { model_changes: {} } });
    expect(db(h)).toMatchObject({ 'deals:5': { deals: [] }, 'deals:6': { deals: [{ id: 40 }] }, 'deals:7': { deals: [{ id: 40 }] }, 'dealc:40': { contacts: [6, 7] } });
  });

  it('keeps the newest link first, and unlinks a deleted deal', async () => {
    h = createHarness(server);
    await h.run(onDealCreate, 'onDealCreate', { deal: { id: 40, name: 'First', contact_ids: [5] }, associations: openStage });
    h.advance(60);
    await h.run(onDealCreate, 'onDealCreate', { deal: { id: 41, name: '', contact_ids: [5] }, associations: openStage });
    expect((db(h)['deals:5'] as { deals: { id: number; name: string }[] }).deals.map((d) => [d.id, d.name])).toEqual([
      [41, 'Deal 41'],
      [40, 'First'],
    ]);
    await h.run(onDealUpdate, 'onDealUpdate', { deal: { id: 41, name: 'x', contact_ids: [5], is_deleted: true }, changes: { model_changes: { is_deleted: [false, true] } } });
    expect((db(h)['deals:5'] as { deals: { id: number }[] }).deals.map((d) => d.id)).toEqual([40]);
  });

  it("Freshsales: reads the stage from the side-loaded deal_stages, and keeps earlier links while the deal is open", async () => {
    h = createHarness(server, { product: 'freshsales' });
    await h.fake.$db.set('dealc:18', { contacts: [5] });
    await h.fake.$db.set('deals:5', { deals: [{ id: 18, name: 'Old name', at: 0 }] });
    const payload = clone(classicDealUpdate);
    expect((await h.run(onDealUpdate, 'onDealUpdate', payload.data))[0]?.data).toEqual({ open: true, linked: 1, unlinked: 0 });
    expect(db(h)['deals:5']).toMatchObject({ deals: [{ id: 18, name: payload.data.deal.name }] });
    payload.data.deal_stages = [{ ...payload.data.deal_stages[0]!, forecast_type: 'Lost' }];
    expect((await h.run(onDealUpdate, 'onDealUpdate', payload.data))[0]?.data).toEqual({ open: false, linked: 0, unlinked: 1 });
  });

  it('falls back to the closed date without any stage', async () => {
    h = createHarness(server);
    expect((await h.run(onDealCreate, 'onDealCreate', { deal: { id: 50, name: 'A', contact_ids: [5], closed_date: '2026-11-01' } }))[0]?.data).toEqual({ open: false, linked: 0, unlinked: 1 });
    expect((await h.run(onDealCreate, 'onDealCreate', { deal: { id: 51, name: 'B', contact_ids: [5], closed_date: null } }))[0]?.data).toEqual({ open: true, linked: 1, unlinked: 0 });
    expect((await h.run(onDealCreate, 'onDealCreate', { deal: { id: 52, name: 'C', contact_ids: [5], forecast_type: { label: 'Forecast', type: 'text', value: 'Won' } } }))[0]?.data).toMatchObject({ open: false });
  });
});
