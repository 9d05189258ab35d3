import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineRequestTemplate } from '../request/define-request-template';
import { toRequestsJson } from '../request/requests-json';
import { createFakeRequestApi, type PlatformRequestRejection } from './fake-request';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

function answer(respond: (attempt: number) => Response | Promise<Response> = () => HttpResponse.json({ ok: true })): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.all('*', async ({ request }) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body: await request.text() });
      return respond(seen.length);
    }),
  );
  return seen;
}

const iparams = { domain: 'acme', api_key: 'SECRET', count: 3, tags: ['a'] };
const getTickets = defineRequestTemplate({
  name: 'getTickets',
  schema: {
    method: 'GET',
    host: '<%= iparam.domain %>.example.com',
    path: '/api/tickets',
    headers: { Authorization: 'Basic <%= encode(iparam.api_key) %>' },
    query: { page: '<%= context.page %>' },
  },
  options: { maxAttempts: 2, retryDelay: 1 },
});
const oauth = defineRequestTemplate({
  name: 'me',
  schema: { method: 'GET', host: 'api.example.com', headers: { Authorization: 'Bearer <%= access_token %>' } },
  options: { isOAuth: true },
});

async function rejectionOf(promise: Promise<unknown>): Promise<PlatformRequestRejection> {
  try {
    await promise;
  } catch (reason) {
    return reason as PlatformRequestRejection;
  }
  throw new Error('expected a rejection');
}

describe('createFakeRequestApi on 2.1', () => {
  const api = createFakeRequestApi({ iparams, accessToken: 'AT' });

  it('substitutes iparams, secure ones too, into URL, headers and body, and answers in the platform shape', async () => {
    const seen = answer(() => HttpResponse.json({ id: 1 }, { status: 201, headers: { 'X-Rate': '49' } }));
    const result = await api.post('https://<%= iparam.domain %>.example.com/api?n=<%= iparam.count %>', {
      headers: { Authorization: 'Basic <%= encode(iparam.api_key + ":x") %>' },
      body: '{"key":"<%= iparam.api_key %>"}',
    });
    expect(result).toEqual({ status: 201, headers: expect.objectContaining({ 'x-rate': '49' }) as unknown, response: '{"id":1}', attempts: 1 });
    expect(seen[0]?.url).toBe('https://acme.example.com/api?n=3');
    expect(seen[0]?.headers.get('authorization')).toBe(`Basic ${Buffer.from('SECRET:x').toString('base64')}`);
    expect(seen[0]?.body).toBe('{"key":"SECRET"}');
  });

  it('sends json, and fills access_token only for isOAuth requests', async () => {
    const seen = answer();
    await api.put('https://api.example.com/x', { json: { a: 1 }, headers: { Authorization: 'Bearer <%= access_token %>' }, isOAuth: true });
    expect(seen[0]).toMatchObject({ method: 'PUT', body: '{"a":1}' });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer AT');
    await expect(api.get('https://api.example.com/x', { headers: { Authorization: 'Bearer <%= access_token %>' } })).rejects.toMatchObject({
      status: 400,
      errorSource: 'APP',
      response: 'headers.Authorization: access_token has no value here',
    });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['a missing iparam', () => api.get('https://<%= iparam.nope %>.example.com'), 'url: iparam.nope has no value here'],
    ['a list iparam', () => api.get('https://x.example.com/<%= iparam.tags %>'), 'url: iparam.tags has no value here'],
    ['context in a free-form call', () => api.delete('https://x.example.com/<%= context.id %>'), 'url: context.id has no value here'],
    ['a broken substitution', () => api.patch('https://x.example.com', { body: '<%= eval("x") %>' }), 'body: "eval" is not supported'],
    ['maxAttempts above 5', () => api.get('https://x.example.com', { maxAttempts: 6 }), 'maxAttempts must be 1 to 5'],
    ['retryDelay above 1500', () => api.get('https://x.example.com', { retryDelay: 1501 }), 'retryDelay must be 1 to 1500 ms'],
    ['invokeTemplate', () => api.invokeTemplate('getTickets', {}), 'invokeTemplate needs platform-version 2.3; this app is 2.1'],
  ])('refuses %s before sending', async (_, run, response) => {
    const seen = answer();
    const rejection = await rejectionOf(run());
    expect(rejection).toEqual({ status: 400, headers: { 'content-type': 'text/plain' }, response: expect.any(String) as unknown, attempts: 0, errorSource: 'APP' });
    expect(rejection.response.startsWith(response)).toBe(true);
    expect(seen).toHaveLength(0);
  });

  it('rejects an upstream error in the platform shape, without retrying 4xx', async () => {
    const seen = answer(() => HttpResponse.text('nope', { status: 404 }));
    const rejection = await rejectionOf(api.get('https://x.example.com', { maxAttempts: 5 }));
    expect(rejection).toEqual({ status: 404, headers: expect.objectContaining({ 'content-type': 'text/plain' }) as unknown, response: 'nope', attempts: 1, errorSource: 'APP' });
    expect(seen).toHaveLength(1);
  });

  it('waits between attempts with real timers by default', async () => {
    const seen = answer((n) => (n === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.text('ok')));
    await expect(api.get('https://x.example.com', { maxAttempts: 2, retryDelay: 5 })).resolves.toMatchObject({ attempts: 2, response: 'ok' });
    expect(seen).toHaveLength(2);
  });

  it('times out an attempt with 504 from the PLATFORM, and retries it as a 5xx', async () => {
    const slow = createFakeRequestApi({ iparams, timeoutMs: 20, sleep: () => Promise.resolve() });
    const seen = answer(async () => {
      await delay(500);
      return HttpResponse.text('late');
    });
    const rejection = await rejectionOf(slow.get('https://x.example.com', { maxAttempts: 2 }));
    expect(rejection).toEqual({ status: 504, headers: {}, response: 'Timeout error while processing the request.', attempts: 2, errorSource: 'PLATFORM' });
    expect(seen).toHaveLength(2);
  });

  it('answers a network failure with 502 from the PLATFORM', async () => {
    answer(() => HttpResponse.error());
    expect(await rejectionOf(api.get('https://x.example.com'))).toMatchObject({ status: 502, errorSource: 'PLATFORM', attempts: 1, response: expect.stringMatching(/^Network error: /) as unknown });
  });
});

describe('createFakeRequestApi on 2.3', () => {
  const api = createFakeRequestApi({ iparams, templates: [getTickets, oauth], accessToken: 'AT', sleep: () => Promise.resolve() });

  it('renders a declared template with iparams, context and query', async () => {
    const seen = answer();
    const result = await api.invokeTemplate('getTickets', { context: { page: 2 }, query: { q: 'a b' } });
    expect(result).toMatchObject({ status: 200, response: '{"ok":true}', attempts: 1 });
    expect(seen[0]?.url).toBe('https://acme.example.com/api/tickets?page=2&q=a%20b');
    expect(seen[0]?.headers.get('authorization')).toBe(`Basic ${Buffer.from('SECRET').toString('base64')}`);
    await api.invokeTemplate('me', {});
    expect(seen[1]?.headers.get('authorization')).toBe('Bearer AT');
  });

  it('applies the template options: maxAttempts from requests.json', async () => {
    const seen = answer(() => new HttpResponse(null, { status: 500 }));
    expect(await rejectionOf(api.invokeTemplate('getTickets', { context: { page: 1 } }))).toMatchObject({ status: 500, attempts: 2 });
    expect(seen).toHaveLength(2);
  });

  it.each<[string, () => Promise<unknown>, string | RegExp]>([
    ['a free-form call', () => api.get('https://x.example.com'), /^Free-form requests are not allowed on platform 2.3/],
    ['an undeclared template', () => api.invokeTemplate('getUsers', {}), 'Request template "getUsers" is not declared in config/requests.json and the manifest'],
    ['missing context', () => api.invokeTemplate('getTickets', {}), 'request template "getTickets", schema.query.page: needs context.page, which was not given'],
    ['a body that is not a string', () => api.invokeTemplate('getTickets', { context: { page: 1 }, body: { a: 1 } as unknown as string }), 'body must be a string'],
    ['a body over 6 MB', () => api.invokeTemplate('getTickets', { context: { page: 1 }, body: 'x'.repeat(6 * 1024 * 1024 + 1) }), 'body is larger than 6 MB'],
  ])('refuses %s', async (_, run, response) => {
    const seen = answer();
    const rejection = await rejectionOf(run());
    expect(rejection).toMatchObject({ status: 400, errorSource: 'APP', attempts: 0 });
    expect(rejection.response).toMatch(response);
    expect(seen).toHaveLength(0);
  });

  it('takes config/requests.json itself, and checks it as the platform would', async () => {
    const fromJson = createFakeRequestApi({ iparams, templates: toRequestsJson([getTickets]) });
    answer();
    await expect(fromJson.invokeTemplate('getTickets', { context: { page: 1 } })).resolves.toMatchObject({ status: 200 });
    const leaky = defineRequestTemplate({ name: 'leaky', schema: { method: 'GET', host: 'x.example.com', path: '/<%= iparam.api_key %>' } });
    expect(() => createFakeRequestApi({ iparams, templates: [leaky], secureIparams: ['api_key'] })).toThrow('secure iparam "api_key"');
  });

  it('rethrows what is not a template problem', async () => {
    const broken = createFakeRequestApi({ iparams: null as unknown as Record<string, unknown>, templates: [getTickets] });
    await expect(broken.invokeTemplate('getTickets', { context: { page: 1 } })).rejects.toBeInstanceOf(TypeError);
  });
});
