import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceCache } from './connector';
import { crmFailure, setupConnector } from './testing/connector-setup';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const details = { direction: 'inbound', outcome: 'Connected', durationSeconds: 184.6, phoneNumber: '+14155550111' } as const;

function memoryCache(initial: Record<string, Record<string, number>> = {}): ReferenceCache & { data: Record<string, Record<string, number>> } {
  const data = { ...initial };
  return {
    data,
    get: (name) => Promise.resolve(data[name]),
    set: (name, value) => {
      data[name] = value;
      return Promise.resolve();
    },
  };
}

describe.each(['2.1', '2.3'] as const)('createCallLog on platform %s', (version) => {
  it('logs against a contact with the outcome id the CRM knows, and reads it back', async () => {
    const { connector, mock } = setupConnector(server, 'freshworks_crm', version);
    const contact = mock.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111' });
    const result = await connector.createCallLog({ contactInfo: { id: contact.id, type: 'contact' }, callLog: details, note: ' Asked for pricing ' });
    expect(mock.posted).toEqual([
      {
        path: '/phone_calls',
        body: {
          phone_call: {
            call_direction: true,
            targetable_type: 'Contact',
            targetable: { id: contact.id },
            note: { description: 'Asked for pricing' },
            number: '+14155550111',
            source: 'Callbridge',
            call_duration: 185,
            outcome_id: 801,
          },
        },
      },
    ]);
    expect(result).toEqual({
      logId: String(mock.phoneCalls[0]!.id),
      callLog: {
        id: String(mock.phoneCalls[0]!.id),
        direction: 'inbound',
        outcome: 'Connected',
        durationSeconds: 185,
        startedAt: mock.phoneCalls[0]!.created_at,
        notes: 'Asked for pricing',
        phoneNumber: '+14155550111',
        target: { type: 'contact', id: contact.id },
      },
    });
    expect(await connector.getCallLog({ logId: result.logId })).toEqual({ callLogInfo: result.callLog });
  });
});

describe('createCallLog', () => {
  it('writes an outcome the CRM does not know into the note, and reads reference data once per connector', async () => {
    const { connector, mock } = setupConnector(server);
    const deal = mock.add('deals', { name: 'Renewal' });
    await connector.createCallLog({ contactInfo: { id: deal.id, type: 'deal' }, callLog: { direction: 'outbound', outcome: 'Voicemail full', durationSeconds: 0 } });
    await connector.createCallLog({ contactInfo: { id: deal.id, type: 'deal' }, callLog: { direction: 'outbound', outcome: 'No answer', durationSeconds: 0 } });
    expect(mock.posted.map((p) => p.body)).toEqual([
      { phone_call: { call_direction: false, targetable_type: 'Deal', targetable: { id: deal.id }, note: { description: 'Outcome: Voicemail full' }, source: 'Callbridge', call_duration: 0 } },
      { phone_call: { call_direction: false, targetable_type: 'Deal', targetable: { id: deal.id }, source: 'Callbridge', call_duration: 0, outcome_id: 802 } },
    ]);
    expect(mock.requests.filter((r) => r.includes('/selector/'))).toHaveLength(2);
  });

  it('keeps outcome ids in the cache between connectors', async () => {
    const cache = memoryCache();
    const first = setupConnector(server, 'freshworks_crm', '2.3', cache);
    const contact = first.mock.add('contacts', { last_name: 'A', mobile_number: '+14155550111' });
    await first.connector.createCallLog({ contactInfo: { id: contact.id, type: 'contact' }, callLog: details });
    expect(cache.data.outcomes).toMatchObject({ connected: 801, 'no answer': 802 });
    const second = setupConnector(server, 'freshworks_crm', '2.3', cache);
    second.mock.add('contacts', { id: contact.id, last_name: 'A' });
    await second.connector.createCallLog({ contactInfo: { id: contact.id, type: 'contact' }, callLog: details });
    expect(second.mock.requests).toEqual(['POST /phone_calls']);
  });

  it('logs without an outcome id when reference data cannot be read, and survives a failing cache', async () => {
    const broken: ReferenceCache = { get: () => Promise.reject(new Error('db down')), set: () => Promise.reject(new Error('db down')) };
    const { connector, mock } = setupConnector(server, 'freshworks_crm', '2.3', broken);
    const contact = mock.add('contacts', { last_name: 'A', mobile_number: '+14155550111' });
    mock.outage({ status: 500 }, (_method, path) => path.startsWith('/selector'));
    await connector.createCallLog({ contactInfo: { id: contact.id, type: 'contact' }, callLog: details });
    expect(mock.posted[0]!.body).toMatchObject({ phone_call: { note: { description: 'Outcome: Connected' } } });
    expect(mock.posted[0]!.body).not.toHaveProperty('phone_call.outcome_id');
  });

  it('finds no outcome ids when the CRM has no phone activity type', async () => {
    const { connector, mock } = setupConnector(server);
    server.use(http.get(`${mock.base}/selector/sales_activity_types`, () => HttpResponse.json({ sales_activity_types: [] })));
    const contact = mock.add('contacts', { last_name: 'A', mobile_number: '+14155550111' });
    await connector.createCallLog({ contactInfo: { id: contact.id, type: 'contact' }, callLog: details });
    expect(mock.posted[0]!.body).toMatchObject({ phone_call: { note: { description: 'Outcome: Connected' } } });
  });

  it('logs against a lead in Freshsales only', async () => {
    const { connector, mock } = setupConnector(server, 'freshsales');
    const lead = mock.add('leads', { last_name: 'L', mobile_number: '+14155550111' });
    const { callLog } = await connector.createCallLog({ contactInfo: { id: lead.id, type: 'lead' }, callLog: details });
    expect(callLog.target).toEqual({ type: 'lead', id: lead.id });
    const crm = setupConnector(server, 'freshworks_crm');
    expect(await crmFailure(crm.connector.createCallLog({ contactInfo: { id: 5, type: 'lead' }, callLog: details }))).toMatchObject({ kind: 'invalid' });
  });

  it('refuses ids that are not record ids before sending', async () => {
    const { connector, mock } = setupConnector(server);
    for (const id of [0, -1, 1.5, Number.NaN, 2 ** 60]) {
      expect(await crmFailure(connector.createCallLog({ contactInfo: { id, type: 'contact' }, callLog: details }))).toMatchObject({ kind: 'invalid', status: 0 });
    }
    expect(mock.requests).toEqual([]);
  });

  it.each([
    [422, 'invalid', false],
    [404, 'not_found', false],
    [429, 'rate_limited', true],
    [500, 'unreachable', true],
    [503, 'unreachable', true],
  ] as const)('%i from the CRM is %s', async (status, kind, retryable) => {
    const { connector, mock } = setupConnector(server);
    mock.outage({ status }, (method) => method === 'POST');
    expect(await crmFailure(connector.createCallLog({ contactInfo: { id: 5, type: 'contact' }, callLog: details }))).toMatchObject({ kind, status, retryable });
  });

  it('a timeout is the platform 504, worth retrying', async () => {
    const { connector, mock } = setupConnector(server);
    mock.outage({ timeoutMs: 500 }, (method) => method === 'POST');
    expect(await crmFailure(connector.createCallLog({ contactInfo: { id: 5, type: 'contact' }, callLog: details }))).toMatchObject({ kind: 'unreachable', status: 504, retryable: true });
  });

  it('a target that does not exist is a 422 naming it', async () => {
    const { connector } = setupConnector(server);
    const error = await crmFailure(connector.createCallLog({ contactInfo: { id: 999, type: 'contact' }, callLog: details }));
    expect(error.message).toBe('The CRM refused to log the call against contact 999 (the CRM said: Contact 999 does not exist.)');
  });
});

describe('getCallLog', () => {
  it('404 when the log is gone; refuses ids that are not ids', async () => {
    const { connector } = setupConnector(server);
    expect(await crmFailure(connector.getCallLog({ logId: '12' }))).toMatchObject({ kind: 'not_found', status: 404 });
    expect(await crmFailure(connector.getCallLog({ logId: '../contacts' }))).toMatchObject({ kind: 'invalid' });
  });

  it('reads notes and outcomes from side-loads', async () => {
    const { connector, mock } = setupConnector(server);
    server.use(
      http.get(`${mock.base}/phone_calls/:id`, () =>
        HttpResponse.json({
          phone_call: { id: 7, call_direction: null, note_id: 3, outcome_id: 9, targetable_type: 'SalesAccount', targetable_id: 4, updated_at: '2026-11-01T00:00:00Z' },
          notes: [{ id: 3, description: 'From the side-load' }],
          outcomes: [{ id: 9, name: 'Busy' }],
        }),
      ),
    );
    expect((await connector.getCallLog({ logId: '7' })).callLogInfo).toEqual({
      id: '7',
      direction: 'inbound',
      outcome: 'Busy',
      durationSeconds: 0,
      startedAt: '2026-11-01T00:00:00Z',
      notes: 'From the side-load',
    });
  });

  it('reads a note sent as text, and a call without times', async () => {
    const { connector, mock } = setupConnector(server);
    server.use(http.get(`${mock.base}/phone_calls/:id`, () => HttpResponse.json({ phone_call: { id: 7, call_direction: false, note: 'Plain' } })));
    expect((await connector.getCallLog({ logId: '7' })).callLogInfo).toEqual({ id: '7', direction: 'outbound', outcome: '', durationSeconds: 0, startedAt: '', notes: 'Plain' });
  });
});
