import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CRM_CREDENTIALS_MESSAGE } from './crm-error';
import { crmFailure, setupConnector } from './testing/connector-setup';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe.each(['2.1', '2.3'] as const)('findContact on platform %s', (version) => {
  it('finds contacts by mobile and work number in Freshworks CRM, without asking for leads', async () => {
    const { connector, mock } = setupConnector(server, 'freshworks_crm', version);
    const jane = mock.add('contacts', { first_name: 'Jane', last_name: 'Doe', mobile_number: '+14155550111' });
    const office = mock.add('contacts', { display_name: 'Front desk', work_number: '+1 (415) 555-0111' });
    mock.add('contacts', { first_name: 'Other', last_name: 'One', mobile_number: '+14155550199' });
    const result = await connector.findContact({ phoneNumber: '+1 415-555-0111' });
    expect(result).toEqual({
      successful: true,
      matchedContactInfo: [
        { id: jane.id, type: 'contact', name: 'Jane Doe', phone: '+14155550111' },
        { id: office.id, type: 'contact', name: 'Front desk', phone: '+14155550111' },
      ],
    });
    expect(mock.requests).toEqual([
      'GET /lookup?entities=contact&f=mobile_number&q=%2B14155550111',
      'GET /lookup?entities=contact&f=work_number&q=%2B14155550111',
    ]);
    expect(mock.posted).toEqual([]);
  });
});

describe('findContact', () => {
  it('finds leads too in Freshsales, with their company', async () => {
    const { connector, mock } = setupConnector(server, 'freshsales');
    const lead = mock.add('leads', { first_name: 'Lee', last_name: 'Ad', mobile_number: '+442079460131', company: { name: ' Widgetz ' } });
    const contact = mock.add('contacts', { last_name: 'Solo', work_number: '+442079460131' });
    const { matchedContactInfo } = await connector.findContact({ phoneNumber: '+442079460131' });
    expect(matchedContactInfo).toEqual([
      { id: contact.id, type: 'contact', name: 'Solo', phone: '+442079460131' },
      { id: lead.id, type: 'lead', name: 'Lee Ad', company: 'Widgetz', phone: '+442079460131' },
    ]);
    expect(mock.requests[0]).toBe('GET /lookup?entities=contact%2Clead&f=mobile_number&q=%2B442079460131');
  });

  it('keeps only records whose number really matches, each once, and skips records it cannot read', async () => {
    const { connector, mock } = setupConnector(server);
    server.use(
      http.get(`${mock.base}/lookup`, () =>
        HttpResponse.json({
          contacts: {
            contacts: [
              { id: 1, name: 'Fuzzy', mobile_number: '+14155550112' },
              { id: 2, first_name: ' ', mobile_number: '+14155550111' },
              { id: 'x', mobile_number: '+14155550111' },
            ],
          },
        }),
      ),
    );
    expect((await connector.findContact({ phoneNumber: '+14155550111' })).matchedContactInfo).toEqual([{ id: 2, type: 'contact', name: 'Unnamed 2', phone: '+14155550111' }]);
  });

  it('finds nothing without failing', async () => {
    const { connector } = setupConnector(server);
    expect(await connector.findContact({ phoneNumber: '+14155550111' })).toEqual({ successful: true, matchedContactInfo: [] });
  });

  it('refuses what is not a phone number before asking the CRM', async () => {
    const { connector, mock } = setupConnector(server);
    expect(await crmFailure(connector.findContact({ phoneNumber: 'call me' }))).toMatchObject({ kind: 'invalid', status: 0 });
    expect(mock.requests).toEqual([]);
  });

  it('401: the API key is wrong, and the message says where to fix it', async () => {
    const { connector, mock } = setupConnector(server);
    mock.outage({ status: 401, body: { login: 'failed', message: 'Incorrect or expired API key' } });
    expect(await crmFailure(connector.findContact({ phoneNumber: '+14155550111' }))).toMatchObject({ kind: 'credentials', status: 401, message: CRM_CREDENTIALS_MESSAGE, retryable: false });
  });

  it('429, 5xx and timeouts are worth retrying later', async () => {
    const { connector, mock } = setupConnector(server);
    mock.outage({ status: 429, headers: { 'retry-after': '1' } });
    expect(await crmFailure(connector.findContact({ phoneNumber: '+14155550111' }))).toMatchObject({ kind: 'rate_limited', retryable: true });
    mock.outage({ status: 500 });
    expect(await crmFailure(connector.findContact({ phoneNumber: '+14155550111' }))).toMatchObject({ kind: 'unreachable', status: 500 });
    mock.outage({ timeoutMs: 500 });
    expect(await crmFailure(connector.findContact({ phoneNumber: '+14155550111' }))).toMatchObject({ kind: 'unreachable', status: 504 });
    mock.outage('network');
    expect(await crmFailure(connector.findContact({ phoneNumber: '+14155550111' }))).toMatchObject({ kind: 'unreachable', status: 502 });
  });

  it('an answer in another shape is unexpected', async () => {
    const { connector, mock } = setupConnector(server);
    server.use(http.get(`${mock.base}/lookup`, () => HttpResponse.json({ contacts: 'none' })));
    expect(await crmFailure(connector.findContact({ phoneNumber: '+14155550111' }))).toMatchObject({ kind: 'unexpected' });
  });
});
