import { createFakeRequestApi } from '@callbridge/core/testing';
import type { RequestPlatformVersion } from '@callbridge/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PhoneProviderError } from '../phone-error';
import type { PhoneProvider } from '../provider';
import { aircallCall, createAircallMock, missedAircallCall, type AircallMock } from '../testing';
import { AIRCALL_CREDENTIALS_MESSAGE } from './errors';
import { createAircallProvider } from './aircall-provider';
import { AIRCALL_TEMPLATES } from './templates';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const iparams = { phone_api_id: 'aircall-id', phone_api_token: 'aircall-token' };

function setup(version: RequestPlatformVersion = '2.3', given: Partial<typeof iparams> = {}): { provider: PhoneProvider; mock: AircallMock } {
  const mock = createAircallMock({ webhookToken: 'wh-token' });
  server.use(...mock.handlers);
  const request = createFakeRequestApi({
    iparams: { ...iparams, ...given },
    platformVersion: version,
    ...(version === '2.3' && { templates: AIRCALL_TEMPLATES }),
    timeoutMs: 50,
    sleep: () => Promise.resolve(),
  });
  return { provider: createAircallProvider({ request, platformVersion: version }), mock };
}

async function failureOf(promise: Promise<unknown>): Promise<PhoneProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PhoneProviderError)) throw new Error(`expected a PhoneProviderError, got ${String(error)}`);
  return error;
}

describe.each(['2.1', '2.3'] as const)('Aircall provider on platform %s', (version) => {
  it('registers a webhook for the call events and keeps its id and token', async () => {
    const { provider, mock } = setup(version);
    const seen: { auth: string | null; type: string | null }[] = [];
    server.events.on('request:start', ({ request }) => seen.push({ auth: request.headers.get('authorization'), type: request.headers.get('content-type') }));
    const registration = await provider.registerWebhook({ url: 'https://platform.test/hook/1', name: 'Callbridge' });
    server.events.removeAllListeners();
    expect(registration).toEqual({ id: expect.any(String) as string, token: 'wh-token' });
    expect([...mock.webhooks.values()]).toEqual([
      { webhook_id: registration.id, url: 'https://platform.test/hook/1', custom_name: 'Callbridge', token: 'wh-token', events: ['call.created', 'call.answered', 'call.ended'] },
    ]);
    expect(seen[0]).toEqual({ auth: `Basic ${btoa('aircall-id:aircall-token')}`, type: 'application/json' });
  });

  it('lists calls since a time, oldest first, a page at a time', async () => {
    const { provider, mock } = setup(version);
    mock.addCall({ id: 1, started_at: 1000 });
    mock.addCall({ id: 2, started_at: 2000 });
    mock.addCall({ id: 3, started_at: 3000 });
    const first = await provider.listCallsSince({ since: 1500, perPage: 1 });
    expect(first.calls.map((c) => c.id)).toEqual(['2']);
    expect(first.hasMore).toBe(true);
    const second = await provider.listCallsSince({ since: 1500, perPage: 1, page: 2 });
    expect(second).toMatchObject({ calls: [{ id: '3' }], hasMore: false, unreadable: 0 });
    expect(mock.requests.at(-1)).toBe('GET /v1/calls?from=1500&order=asc&page=2&per_page=1');
  });
});

describe('registerWebhook failures', () => {
  it.each([
    [401, { message: 'Unauthorized' }],
    [403, { error: 'Forbidden', troubleshoot: 'Invalid API ID or API token.' }],
  ])('%i: the credentials are wrong, and the message says where to fix them', async (status, body) => {
    const { provider, mock } = setup();
    mock.outage({ status, body });
    const error = await failureOf(provider.registerWebhook({ url: 'https://platform.test/hook', name: 'Callbridge' }));
    expect(error).toMatchObject({ kind: 'credentials', status, message: AIRCALL_CREDENTIALS_MESSAGE, retryable: false });
  });

  it('rejects wrong credentials sent to the real check (403 from the mock)', async () => {
    const { provider } = setup('2.3', { phone_api_token: 'wrong' });
    expect(await failureOf(provider.registerWebhook({ url: 'https://platform.test/hook', name: 'Callbridge' }))).toMatchObject({ kind: 'credentials', status: 403 });
  });

  it("400 and 422: Aircall's reason is in the message", async () => {
    const { provider, mock } = setup();
    const refused = await failureOf(provider.registerWebhook({ url: 'http://not-https.test', name: 'Callbridge' }));
    expect(refused).toMatchObject({ kind: 'invalid', status: 400, message: 'Aircall refused to register the webhook (Aircall said: Invalid url: The url must use https.)' });
    mock.outage({ status: 422, body: 'not json' });
    expect(await failureOf(provider.registerWebhook({ url: 'https://x.test', name: 'Callbridge' }))).toMatchObject({ kind: 'invalid', status: 422, message: 'Aircall refused to register the webhook' });
  });

  it('429 and 5xx are worth retrying later', async () => {
    const { provider, mock } = setup();
    mock.outage({ status: 429, body: { error: 'Too many requests' }, headers: { 'x-aircallapi-reset': '1' } });
    expect(await failureOf(provider.registerWebhook({ url: 'https://x.test', name: 'n' }))).toMatchObject({ kind: 'rate_limited', status: 429, retryable: true });
    mock.outage({ status: 503 });
    const down = await failureOf(provider.registerWebhook({ url: 'https://x.test', name: 'n' }));
    expect(down).toMatchObject({ kind: 'unreachable', status: 503, retryable: true });
    expect(down.message).toBe('Aircall is not answering (503), so Callbridge could not register the webhook; try again in a few minutes');
  });

  it('a timeout and a dropped connection are the platform 504 and 502', async () => {
    const { provider, mock } = setup();
    mock.outage({ timeoutMs: 500 });
    expect(await failureOf(provider.registerWebhook({ url: 'https://x.test', name: 'n' }))).toMatchObject({ kind: 'unreachable', status: 504 });
    mock.outage('network');
    expect(await failureOf(provider.registerWebhook({ url: 'https://x.test', name: 'n' }))).toMatchObject({ kind: 'unreachable', status: 502 });
  });

  it('a 2xx in an unexpected shape is unexpected, not a crash', async () => {
    const { provider } = setup();
    server.use(http.post('https://api.aircall.io/v1/webhooks', () => HttpResponse.json({ hook: {} }, { status: 201 })));
    expect(await failureOf(provider.registerWebhook({ url: 'https://x.test', name: 'n' }))).toMatchObject({ kind: 'unexpected', status: 201, retryable: false });
  });
});

describe('deleteWebhook', () => {
  it('deletes, and is false when the webhook was already gone', async () => {
    const { provider, mock } = setup();
    const { id } = await provider.registerWebhook({ url: 'https://x.test', name: 'n' });
    expect(await provider.deleteWebhook(id)).toBe(true);
    expect(mock.webhooks.size).toBe(0);
    expect(await provider.deleteWebhook(id)).toBe(false);
  });

  it('refuses ids that could reach another path, and reports outages', async () => {
    const { provider, mock } = setup();
    expect(await failureOf(provider.deleteWebhook('../calls'))).toMatchObject({ kind: 'invalid' });
    mock.outage({ status: 500 });
    expect(await failureOf(provider.deleteWebhook('abc'))).toMatchObject({ kind: 'unreachable', status: 500 });
    mock.outage({ status: 401 });
    expect(await failureOf(provider.deleteWebhook('abc'))).toMatchObject({ kind: 'credentials' });
  });
});

describe('calls', () => {
  it('maps calls and counts the ones it cannot read', async () => {
    const { provider } = setup();
    server.use(
      http.get('https://api.aircall.io/v1/calls', () =>
        HttpResponse.json({ calls: [aircallCall({ id: 1 }), { id: 'x' }, missedAircallCall({ id: 2 })], meta: { next_page_link: null } }),
      ),
    );
    const page = await provider.listCallsSince({ since: 0 });
    expect(page).toMatchObject({ hasMore: false, unreadable: 1 });
    expect(page.calls.map((c) => [c.id, c.outcome])).toEqual([
      ['1', 'Connected'],
      ['2', 'No answer'],
    ]);
  });

  it('guesses more pages from a full page when there is no meta', async () => {
    const { provider } = setup();
    server.use(http.get('https://api.aircall.io/v1/calls', () => HttpResponse.json({ calls: [aircallCall({ id: 1 })] })));
    expect((await provider.listCallsSince({ since: -5, perPage: 1, page: 0 })).hasMore).toBe(true);
  });

  it('reports listing failures by kind', async () => {
    const { provider, mock } = setup();
    mock.outage({ status: 429 });
    expect(await failureOf(provider.listCallsSince({ since: 0 }))).toMatchObject({ kind: 'rate_limited' });
    mock.outage({ status: 404, body: { message: 'Not Found' } });
    expect(await failureOf(provider.listCallsSince({ since: 0 }))).toMatchObject({ kind: 'not_found', message: 'Aircall could not find what Callbridge needs to list recent calls (Aircall said: Not Found)' });
  });

  it('searches calls with a number', async () => {
    const { provider, mock } = setup();
    mock.addCall({ id: 1, raw_digits: '+1 415-555-0111' });
    mock.addCall({ id: 2, raw_digits: '+44 20 7946 0131' });
    const page = await provider.searchCalls({ phoneNumber: '+442079460131', since: 0 });
    expect(page.calls.map((c) => c.externalNumber)).toEqual(['+442079460131']);
    expect(mock.requests.at(-1)).toBe('GET /v1/calls/search?from=0&order=asc&page=1&per_page=50&phone_number=%2B442079460131');
    expect(await failureOf(provider.searchCalls({ phoneNumber: '0207', since: 0 }))).toMatchObject({ kind: 'invalid' });
    mock.outage({ status: 500 });
    expect(await failureOf(provider.searchCalls({ phoneNumber: '+442079460131', since: 0 }))).toMatchObject({ kind: 'unreachable' });
  });

  it('gets one call, undefined when Aircall has none', async () => {
    const { provider, mock } = setup();
    mock.addCall({ id: 77 });
    expect(await provider.getCall('77')).toMatchObject({ id: '77', state: 'ended' });
    expect(await provider.getCall('78')).toBeUndefined();
    expect(await provider.getCall('../users')).toBeUndefined();
    mock.outage({ status: 502 });
    expect(await failureOf(provider.getCall('77'))).toMatchObject({ kind: 'unreachable' });
  });

  it('a call Aircall sends in a shape we cannot read is unexpected', async () => {
    const { provider } = setup();
    server.use(http.get('https://api.aircall.io/v1/calls/:id', () => HttpResponse.json({ call: { id: 1 } })));
    expect(await failureOf(provider.getCall('1'))).toMatchObject({ kind: 'unexpected' });
  });

  it('maps a call to the CallRecord every surface shows', () => {
    const { provider } = setup();
    const record = provider.toCallRecord({
      id: '9',
      direction: 'outbound',
      state: 'ended',
      startedAtSeconds: 0,
      startedAt: '1970-01-01T00:00:00.000Z',
      answered: true,
      talkSeconds: 61,
      externalNumber: '+14155550111',
      rawNumber: '+1 415-555-0111',
      outcome: 'Connected',
      comments: ['Wants pricing', 'Call back Monday'],
    });
    expect(record).toEqual({
      id: '9',
      direction: 'outbound',
      outcome: 'Connected',
      durationSeconds: 61,
      startedAt: '1970-01-01T00:00:00.000Z',
      notes: 'Wants pricing\nCall back Monday',
      phoneNumber: '+14155550111',
    });
  });
});

describe('dial', () => {
  it('dials from the first available agent, or from the agent with the given email', async () => {
    const { provider, mock } = setup();
    await provider.dial({ to: '+14155550111' });
    expect(mock.dials).toEqual([{ userId: 456001, to: '+14155550111' }]);
    await provider.dial({ to: '+14155550112', agentEmail: 'RIYA@acme.example' });
    expect(mock.dials[1]).toEqual({ userId: 456001, to: '+14155550112' });
  });

  it('405: the agent is unavailable, and the message says what to do', async () => {
    const { provider } = setup();
    const error = await failureOf(provider.dial({ to: '+14155550111', agentEmail: 'sam@acme.example' }));
    expect(error).toMatchObject({ kind: 'agent_unavailable', status: 405 });
    expect(error.message).toContain('open the Aircall app and set yourself available');
  });

  it('no such agent, nobody available, a bad number', async () => {
    const mock = createAircallMock({ users: [{ id: 1, name: 'Off', email: 'off@x.io', available: false }] });
    server.use(...mock.handlers);
    const provider = createAircallProvider({ request: createFakeRequestApi({ iparams, sleep: () => Promise.resolve() }), platformVersion: '2.1' });
    expect(await failureOf(provider.dial({ to: '+14155550111', agentEmail: 'who@x.io' }))).toMatchObject({ kind: 'not_found' });
    expect(await failureOf(provider.dial({ to: '+14155550111' }))).toMatchObject({ kind: 'agent_unavailable' });
    expect(await failureOf(provider.dial({ to: '415' }))).toMatchObject({ kind: 'invalid', status: 0 });
  });

  it('reports a refused number and a failing user list', async () => {
    const { provider, mock } = setup();
    server.use(http.post('https://api.aircall.io/v1/users/:id/dial', () => HttpResponse.json({ error: 'Invalid number' }, { status: 400 })));
    expect(await failureOf(provider.dial({ to: '+14155550111' }))).toMatchObject({ kind: 'invalid', message: 'Aircall refused to dial +14155550111 (Aircall said: Invalid number)' });
    mock.outage({ status: 403 });
    expect(await failureOf(provider.dial({ to: '+14155550111' }))).toMatchObject({ kind: 'credentials' });
  });
});
