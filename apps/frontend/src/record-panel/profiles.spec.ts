import type { JsonObject } from '@callbridge/core';
import { createFakePlatform, type FakePlatform } from '@callbridge/core/testing';
import { deepText, find, findAll, render, settle } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostOf, sampleCall } from '../testing';
import { recordName, recordNumbers } from './numbers';
import type { PanelProfile } from './profile';
import { dealProfile } from './profiles/deal';
import { leadProfile } from './profiles/lead';
import { salesAccountProfile } from './profiles/sales-account';
import './record-panel';

let platform: FakePlatform;
let listCalls: ReturnType<typeof vi.fn<(payload: JsonObject) => unknown>>;

afterEach(() => document.body.replaceChildren());

async function activated(profile: PanelProfile, location: 'deal_entity_menu' | 'sales_account_entity_menu' | 'lead_entity_menu') {
  const { host } = await hostOf(platform, { location });
  const el = await render('cb-record-panel', { host, profile });
  await platform.emit('app.activated');
  await vi.waitFor(() => expect(deepText(el)).toContain('Recent calls'));
  await settle(el);
  return el;
}

describe('deal panel', () => {
  beforeEach(() => {
    platform = createFakePlatform();
    platform.setRecord('deal', { id: 16000201, name: 'Big deal', contact_ids: [16000001, 16000002] });
    listCalls = vi.fn(() => ({
      calls: [
        sampleCall({ id: 'a', phoneNumber: '+14155550777', target: { type: 'contact', id: 16000002, name: 'Bo Second' } }),
        sampleCall({ id: 'b', phoneNumber: '+14155550123', target: { type: 'contact', id: 16000001, name: 'Jane Primary' } }),
        sampleCall({ id: 'c', phoneNumber: '+14155550123', target: { type: 'contact', id: 16000001, name: 'Jane Primary' } }),
        sampleCall({ id: 'd', phoneNumber: '+14155550999', target: { type: 'contact', id: 99 } }),
        sampleCall({ id: 'e', phoneNumber: '+14155550888', target: { type: 'deal', id: 16000201 } }),
        sampleCall({ id: 'f' }),
      ],
    }));
    platform.onInvoke('listCalls', listCalls);
  });

  it('lists calls with the deal’s contacts, saying with whom', async () => {
    const el = await activated(dealProfile, 'deal_entity_menu');
    expect(listCalls).toHaveBeenCalledWith({ record: { type: 'deal', id: 16000201 }, limit: 20 }, expect.anything());
    expect(findAll(el, 'cb-call-list li').map(deepText)[0]).toContain('with Bo Second');
  });

  it('offers its contacts’ numbers, the primary contact first', async () => {
    const el = await activated(dealProfile, 'deal_entity_menu');
    expect(findAll(el, 'cb-phone-numbers li').map(deepText)).toEqual([
      'Jane Primary +14155550123 Call',
      'Bo Second +14155550777 Call',
      'Contact +14155550999 Call',
    ]);
  });

  it('logs a call against the deal, with the primary contact’s number', async () => {
    const el = await activated(dealProfile, 'deal_entity_menu');
    find<HTMLButtonElement>(el, '.heading button').click();
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    expect(platform.lastModal().data).toMatchObject({
      input: { form: 'log-call', target: { type: 'deal', id: 16000201, name: 'Big deal' }, phone: '+14155550123', deals: [] },
    });
  });
});

describe('account panel', () => {
  beforeEach(() => {
    platform = createFakePlatform();
    listCalls = vi.fn(() => ({
      calls: [sampleCall({ target: { type: 'contact', id: 1, name: 'Jane' } })],
      summary: { thisWeek: 3, lastContactedAt: '2026-11-02T10:00:00Z' },
    }));
    platform.onInvoke('listCalls', listCalls);
  });

  it('lists calls across the account’s contacts with this week’s count and the last contact', async () => {
    const el = await activated(salesAccountProfile, 'sales_account_entity_menu');
    expect(listCalls).toHaveBeenCalledWith({ record: { type: 'sales_account', id: 16000101 }, limit: 20 }, expect.anything());
    expect(deepText(find(el, '.summary'))).toMatch(/^Calls this week 3 Last contacted .*2026/);
    expect(findAll(el, 'cb-phone-numbers li').map(deepText)).toEqual(['Phone +14155550199 Call']);
    expect(deepText(el)).toContain('with Jane');
  });

  it('says when the account was never called', async () => {
    listCalls.mockReturnValue({ calls: [], summary: { thisWeek: 0, lastContactedAt: null } });
    const el = await activated(salesAccountProfile, 'sales_account_entity_menu');
    expect(deepText(find(el, '.summary'))).toBe('Calls this week 0 Last contacted Never');
  });

  it('offers no "Log a call": calls are logged against people and deals', async () => {
    const el = await activated(salesAccountProfile, 'sales_account_entity_menu');
    expect(findAll(el, '.heading button')).toEqual([]);
  });
});

describe('lead panel (Freshsales)', () => {
  beforeEach(() => {
    platform = createFakePlatform({ product: 'freshsales' });
    listCalls = vi.fn(() => ({ calls: [] }));
    platform.onInvoke('listCalls', listCalls);
  });

  it('shows the lead’s numbers and logs calls against the lead, without deals', async () => {
    const openDeals = vi.fn(() => ({ deals: [] }));
    platform.onInvoke('openDeals', openDeals);
    const el = await activated(leadProfile, 'lead_entity_menu');
    expect(listCalls).toHaveBeenCalledWith({ record: { type: 'lead', id: 16000301 }, limit: 20 }, expect.anything());
    expect(findAll(el, 'cb-phone-numbers li').map(deepText)).toEqual(['Mobile +14155550177 Call']);
    find<HTMLButtonElement>(el, '.heading button').click();
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    expect(platform.lastModal().data).toMatchObject({ input: { target: { type: 'lead', id: 16000301, name: 'Leo Lead' } } });
    expect(openDeals).not.toHaveBeenCalled();
  });
});

describe('record helpers', () => {
  it.each([
    [{ id: 1, display_name: 'Jane Sample', name: 'x' }, 'Jane Sample'],
    [{ id: 1, name: 'Acme' }, 'Acme'],
    [{ id: 1, first_name: 'Jane', last_name: null }, 'Jane'],
    [{ id: 1, first_name: 'Jane', last_name: 'Sample' }, 'Jane Sample'],
    [{ id: 1 }, undefined],
  ])('names %j %j', (record, name) => {
    expect(recordName(record)).toBe(name);
  });

  it('reads mobile, work and phone numbers in that order, trimmed', () => {
    expect(recordNumbers({ id: 1, phone: '+14155550199', work_number: ' +14155550100 ', mobile_number: 7 })).toEqual([
      { label: 'Work', phone: '+14155550100' },
      { label: 'Phone', phone: '+14155550199' },
    ]);
  });
});
