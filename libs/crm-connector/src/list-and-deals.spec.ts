import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { crmFailure, setupConnector } from './testing/connector-setup';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const details = { direction: 'inbound', outcome: 'Connected', durationSeconds: 60 } as const;

describe('listCallLogs', () => {
  it.each(['2.1', '2.3'] as const)("lists a contact's calls newest first (platform %s)", async (version) => {
    const { connector, mock } = setupConnector(server, 'freshworks_crm', version);
    const contact = mock.add('contacts', { last_name: 'A', mobile_number: '+14155550111' });
    const first = await connector.createCallLog({ contactInfo: { id: contact.id, type: 'contact' }, callLog: details });
    const second = await connector.createCallLog({ contactInfo: { id: contact.id, type: 'contact' }, callLog: { ...details, outcome: 'Busy' } });
    const { calls } = await connector.listCallLogs({ record: { type: 'contact', id: contact.id } });
    expect(calls.map((c) => [c.id, c.outcome])).toEqual([
      [second.logId, 'Busy'],
      [first.logId, 'Connected'],
    ]);
    expect(mock.requests.at(-1)).toBe(`GET /phone_calls?per_page=25&targetable_id=${contact.id}&targetable_type=Contact`);
  });

  it("includes a deal's contacts' calls, and an account's contacts' calls, up to the limit", async () => {
    const { connector, mock } = setupConnector(server);
    const account = mock.add('salesAccounts', { name: 'Acme' });
    const jane = mock.add('contacts', { last_name: 'Jane', mobile_number: '+14155550111', sales_account_id: account.id });
    const joe = mock.add('contacts', { last_name: 'Joe', mobile_number: '+14155550112', sales_account_id: account.id });
    const deal = mock.add('deals', { name: 'Renewal', contact_ids: [jane.id] });
    const onDeal = await connector.createCallLog({ contactInfo: { id: deal.id, type: 'deal' }, callLog: details });
    const withJane = await connector.createCallLog({ contactInfo: { id: jane.id, type: 'contact' }, callLog: details });
    const withJoe = await connector.createCallLog({ contactInfo: { id: joe.id, type: 'contact' }, callLog: details });
    expect((await connector.listCallLogs({ record: { type: 'deal', id: deal.id } })).calls.map((c) => c.id)).toEqual([withJane.logId, onDeal.logId]);
    expect((await connector.listCallLogs({ record: { type: 'sales_account', id: account.id } })).calls.map((c) => c.id)).toEqual([withJoe.logId, withJane.logId]);
    expect((await connector.listCallLogs({ record: { type: 'sales_account', id: account.id }, limit: 1 })).calls).toHaveLength(1);
  });

  it.each(['freshworks_crm', 'freshsales'] as const)("names the contact each of a deal's and an account's calls was with (%s)", async (product) => {
    const { connector, mock } = setupConnector(server, product);
    const account = mock.add('salesAccounts', { name: 'Acme' });
    const jane = mock.add('contacts', { first_name: 'Jane', last_name: 'Roe', mobile_number: '+14155550111', sales_account_id: account.id });
    const joe = mock.add('contacts', { first_name: '<b>Joe</b>', last_name: 'Poe', mobile_number: '+14155550112', sales_account_id: account.id });
    const deal = mock.add('deals', { name: 'Renewal', contact_ids: [jane.id, joe.id] });
    const onDeal = await connector.createCallLog({ contactInfo: { id: deal.id, type: 'deal' }, callLog: details });
    const withJane = await connector.createCallLog({ contactInfo: { id: jane.id, type: 'contact' }, callLog: details });
    const withJoe = await connector.createCallLog({ contactInfo: { id: joe.id, type: 'contact' }, callLog: details });
    const named = (calls: { id: string; target?: { type: string; id: number; name?: string } }[]) => calls.map((c) => [c.id, c.target]);
    expect(named((await connector.listCallLogs({ record: { type: 'deal', id: deal.id } })).calls)).toEqual([
      [withJoe.logId, { type: 'contact', id: joe.id, name: '<b>Joe</b> Poe' }],
      [withJane.logId, { type: 'contact', id: jane.id, name: 'Jane Roe' }],
      // Logged against the deal itself: the deal is its target, and no person is named.
      [onDeal.logId, { type: 'deal', id: deal.id }],
    ]);
    expect(named((await connector.listCallLogs({ record: { type: 'sales_account', id: account.id } })).calls)).toEqual([
      [withJoe.logId, { type: 'contact', id: joe.id, name: '<b>Joe</b> Poe' }],
      [withJane.logId, { type: 'contact', id: jane.id, name: 'Jane Roe' }],
    ]);
  });

  it("leaves a deal's contact the CRM sent no record of unnamed", async () => {
    const { connector, mock } = setupConnector(server);
    const jane = mock.add('contacts', { first_name: 'Jane', last_name: 'Roe' });
    const deal = mock.add('deals', { name: 'Renewal', contact_ids: [jane.id] });
    const call = await connector.createCallLog({ contactInfo: { id: jane.id, type: 'contact' }, callLog: details });
    server.use(http.get(`${mock.base}/deals/${deal.id}`, () => HttpResponse.json({ deal: { id: deal.id, contact_ids: [jane.id] } })));
    expect((await connector.listCallLogs({ record: { type: 'deal', id: deal.id } })).calls).toEqual([expect.objectContaining({ id: call.logId, target: { type: 'contact', id: jane.id } })]);
  });

  it('answers no calls where the CRM has no call list (404), and fails for a record that is gone', async () => {
    const { connector, mock } = setupConnector(server);
    server.use(http.get(`${mock.base}/phone_calls`, () => HttpResponse.json({ errors: { code: 404, message: ['No route'] } }, { status: 404 })));
    expect(await connector.listCallLogs({ record: { type: 'lead', id: 3 }, limit: 500 })).toEqual({ calls: [] });
    expect(await crmFailure(connector.listCallLogs({ record: { type: 'deal', id: 3 } }))).toMatchObject({ kind: 'not_found', message: 'The CRM could not read deal 3: the record does not exist, or no longer (the CRM said: Deal 3 does not exist)' });
    expect(await crmFailure(connector.listCallLogs({ record: { type: 'contact', id: -3 } }))).toMatchObject({ kind: 'invalid' });
  });

  it('passes other failures on, and leaves out calls it cannot read', async () => {
    const { connector, mock } = setupConnector(server);
    server.use(http.get(`${mock.base}/phone_calls`, () => HttpResponse.json({ phone_calls: [{ id: 'x' }, { id: 4, created_at: '2026-11-01T00:00:00Z' }] })));
    expect((await connector.listCallLogs({ record: { type: 'contact', id: 3 } })).calls.map((c) => c.id)).toEqual(['4']);
    server.resetHandlers();
    const limited = setupConnector(server);
    limited.mock.outage({ status: 429 });
    expect(await crmFailure(limited.connector.listCallLogs({ record: { type: 'contact', id: 3 } }))).toMatchObject({ kind: 'rate_limited' });
  });
});

describe('getOpenDeals', () => {
  it("keeps the contact's deals whose stage is open", async () => {
    const { connector, mock } = setupConnector(server);
    const contact = mock.add('contacts', { last_name: 'A' });
    const open = mock.add('deals', { name: 'Renewal', deal_stage_id: 711, contact_ids: [contact.id] });
    mock.add('deals', { name: 'Won one', deal_stage_id: 715, contact_ids: [contact.id] });
    const copied = mock.add('deals', { name: ' ', forecast_type: 'Open', contact_ids: [contact.id] });
    mock.add('deals', { name: 'Lost copy', forecast_type: 'Lost', contact_ids: [contact.id] });
    mock.add('deals', { name: 'Someone else', deal_stage_id: 711, contact_ids: [1] });
    expect(await connector.getOpenDeals({ contactId: contact.id })).toEqual({
      deals: [
        { id: open.id, name: 'Renewal' },
        { id: copied.id, name: `Deal ${copied.id}` },
      ],
    });
  });

  it('falls back to the closed date when the stages cannot be read', async () => {
    const { connector, mock } = setupConnector(server);
    const contact = mock.add('contacts', { last_name: 'A' });
    const open = mock.add('deals', { name: 'Open', deal_stage_id: 711, closed_date: null, contact_ids: [contact.id] });
    mock.add('deals', { name: 'Closed', deal_stage_id: 715, closed_date: '2026-11-01', contact_ids: [contact.id] });
    const unknownStage = mock.add('deals', { name: 'Odd stage', deal_stage_id: 999, contact_ids: [contact.id] });
    mock.outage({ status: 500 }, (_method, path) => path.startsWith('/selector'));
    expect((await connector.getOpenDeals({ contactId: contact.id })).deals.map((d) => d.id)).toEqual([open.id, unknownStage.id]);
  });

  it('404 for a contact that is gone; invalid ids never leave', async () => {
    const { connector, mock } = setupConnector(server);
    expect(await crmFailure(connector.getOpenDeals({ contactId: 404 }))).toMatchObject({ kind: 'not_found' });
    expect(await crmFailure(connector.getOpenDeals({ contactId: 0 }))).toMatchObject({ kind: 'invalid' });
    expect(mock.requests).toEqual(['GET /contacts/404?include=deals']);
  });
});
