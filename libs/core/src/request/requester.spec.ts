import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { FreeFormRequestOptions, HttpMethod, InvokeTemplateOptions, RequestApi } from '../platform/client';
import { createFakeRequestApi } from '../testing/fake-request';
import type { CallInput } from './call-input';
import { defineRequestTemplate, type AnyRequestTemplate } from './define-request-template';
import { RequestError } from './request-error';
import { RequestTemplateError } from './request-template-error';
import { createRequester, type RequestPlatformVersion } from './requester';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Answers every request through msw and records it as the far side sees it. */
function answer(respond: (attempt: number) => Response = () => HttpResponse.json({ ok: true })): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.all('*', async ({ request }) => {
      seen.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers.entries()), body: await request.text() });
      return respond(seen.length);
    }),
  );
  return seen;
}

const SECURE = ['aircall_api_token', 'crm_api_key', 'password'];
const iparams = {
  aircall_api_id: 'id123',
  aircall_api_token: 'tok/SECRET+1',
  crm_domain: 'acme.myfreshworks.com',
  crm_api_key: 'CRMSECRET',
  region: 'eu',
  account: 'acct_42',
  username: 'rep',
  password: 'p@ss:w"SECRET',
};
const ACCESS_TOKEN = 'OAUTHSECRET';

const callSchema = z.object({ id: z.number(), direction: z.enum(['inbound', 'outbound']) });
const aircallAuth = "Basic <%= encode(iparam.aircall_api_id + ':' + iparam.aircall_api_token) %>";

const templates = [
  defineRequestTemplate({
    name: 'aircallListCalls',
    schema: {
      method: 'GET',
      host: 'api.aircall.io',
      path: '/v1/calls',
      headers: { Authorization: aircallAuth, Accept: 'application/json' },
      query: { per_page: 50, order: 'desc', from: '<%= context.from %>' },
    },
    options: { maxAttempts: 3, retryDelay: 200 },
    secureIparams: SECURE,
    response: z.object({ calls: z.array(callSchema) }),
    hints: { 401: 'check the Aircall API token in the installation settings' },
  }),
  defineRequestTemplate({
    name: 'crmGetContact',
    schema: {
      method: 'GET',
      host: '<%= iparam.crm_domain %>',
      path: '/crm/sales/api/contacts/<%= context.contact_id %>',
      headers: { Authorization: 'Token token=<%= iparam.crm_api_key %>' },
      query: { include: 'owner' },
    },
    secureIparams: SECURE,
  }),
  defineRequestTemplate({
    name: 'crmCreateCallLog',
    schema: {
      method: 'POST',
      host: '<%= iparam.crm_domain %>',
      path: '/crm/sales/api/phone_calls',
      headers: { Authorization: 'Token token=<%= iparam.crm_api_key %>', 'Content-Type': 'application/json' },
    },
    secureIparams: SECURE,
  }),
  defineRequestTemplate({
    name: 'regionalSearch',
    schema: {
      method: 'GET',
      host: 'api-<%= iparam.region %>.example.com',
      path: '/v2/accounts/<%= iparam.account %>/search',
      query: { q: 'name:<%= context.term %>', lang: '<%= iparam.region %>', page: '1' },
    },
  }),
  defineRequestTemplate({
    name: 'mixedEncode',
    schema: {
      method: 'PUT',
      host: 'auth.example.com',
      path: '/users/<%= context.user %>',
      headers: {
        Authorization: 'Basic <%= encode(context.user + ":" + iparam.password) %>',
        'X-Api-Key': "<%= encode(iparam.aircall_api_id) + ':x' %>",
        'X-Signature': '<%= encode(context.user + context.trace) %>',
        'X-Trace': 'call-<%= context.trace %>',
      },
    },
    secureIparams: SECURE,
  }),
  defineRequestTemplate({
    name: 'oauthProfile',
    schema: { method: 'PATCH', host: 'api.example.com', path: '/me', headers: { Authorization: 'Bearer <%= access_token %>' } },
    options: { isOAuth: true },
  }),
  defineRequestTemplate({
    name: 'aircallDeleteWebhook',
    schema: { method: 'DELETE', host: 'api.aircall.io', path: '/v1/webhooks/<%= context.webhook_id %>', headers: { Authorization: aircallAuth } },
    secureIparams: SECURE,
  }),
] as const;

type Version = RequestPlatformVersion;

function requesterWith<const T extends readonly AnyRequestTemplate[]>(version: Version, set: T, sleep: (ms: number) => Promise<void> = () => Promise.resolve()) {
  const api = createFakeRequestApi({
    iparams,
    secureIparams: SECURE,
    accessToken: ACCESS_TOKEN,
    platformVersion: version,
    ...(version === '2.3' && { templates: set }),
    sleep,
  });
  return createRequester({ api, platformVersion: version, templates: set, limiter: false });
}

const requesterFor = (version: Version) => requesterWith(version, templates);

/** Records what the app hands the platform, to prove secrets never pass through app code. */
function recordingApi(api: RequestApi): { api: RequestApi; handed: string[] } {
  const handed: string[] = [];
  const methods: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
  const freeForm = Object.fromEntries(
    methods.map((method) => [
      method,
      (url: string, options?: FreeFormRequestOptions) => {
        handed.push(JSON.stringify([method, url, options]));
        return api[method](url, options);
      },
    ]),
  ) as Pick<RequestApi, HttpMethod>;
  const invokeTemplate = (name: string, options: InvokeTemplateOptions) => {
    handed.push(JSON.stringify([name, options]));
    return api.invokeTemplate(name, options);
  };
  return { api: { ...freeForm, invokeTemplate }, handed };
}

const cases: Array<[(typeof templates)[number]['name'], CallInput]> = [
  ['aircallListCalls', { context: { from: 1767225600 } }],
  ['crmGetContact', { context: { contact_id: 42 } }],
  ['crmCreateCallLog', { body: { phone_call: { note: 'Called about renewal — ünïcode', duration: 61 } } }],
  ['regionalSearch', { context: { term: 'Zoë & Co/?#' }, query: { page: 3, extra: 'a b+c' } }],
  ['mixedEncode', { context: { user: "o'neil", trace: 'T-9' }, body: 'plain text body' }],
  ['oauthProfile', { body: '{"name":"Rep"}' }],
  ['aircallDeleteWebhook', { context: { webhook_id: 'wh_7' } }],
];

describe('two paths, one HTTP request', () => {
  it.each(cases)('%s sends the same request on 2.1, 2.2 and 2.3', async (name, input) => {
    const onTwoThree = answer(() => HttpResponse.json({ calls: [] }));
    await requesterFor('2.3').call(name, input);
    const onTwoOne = answer(() => HttpResponse.json({ calls: [] }));
    await requesterFor('2.1').call(name, input);
    const onTwoTwo = answer(() => HttpResponse.json({ calls: [] }));
    await requesterFor('2.2').call(name, input);

    expect(onTwoThree).toHaveLength(1);
    expect(onTwoOne).toEqual(onTwoThree);
    expect(onTwoTwo).toEqual(onTwoThree);
  });

  it.each(cases)('%s hands the platform no secret on 2.1', async (name, input) => {
    answer(() => HttpResponse.json({ calls: [] }));
    const recorded = recordingApi(createFakeRequestApi({ iparams, accessToken: ACCESS_TOKEN, platformVersion: '2.1' }));
    await createRequester({ api: recorded.api, platformVersion: '2.1', templates, limiter: false }).call(name, input);
    expect(recorded.handed.join('\n')).not.toMatch(/SECRET/);
  });

  it('renders what the platform would send', async () => {
    const seen = answer();
    const requester = requesterFor('2.1');
    await requester.call('crmGetContact', { context: { contact_id: 42 } });
    await requester.call('regionalSearch', { context: { term: 'Zoë & Co' }, query: { page: 3 } });
    await requester.call('mixedEncode', { context: { user: 'rep', trace: 'T' } });
    await requester.call('oauthProfile');

    expect(seen[0]).toMatchObject({ method: 'GET', url: 'https://acme.myfreshworks.com/crm/sales/api/contacts/42?include=owner' });
    expect(seen[0]?.headers.authorization).toBe('Token token=CRMSECRET');
    expect(seen[1]?.url).toBe('https://api-eu.example.com/v2/accounts/acct_42/search?lang=eu&page=3&q=name%3AZo%C3%AB%20%26%20Co');
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    expect(seen[2]?.headers).toMatchObject({ authorization: `Basic ${b64('rep:p@ss:w"SECRET')}`, 'x-api-key': `${b64('id123')}:x`, 'x-signature': b64('repT') });
    expect(seen[3]?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
  });
});

describe('responses', () => {
  it.each<Version>(['2.1', '2.3'])('parses and validates JSON with the template schema (%s)', async (version) => {
    answer(() => HttpResponse.json({ calls: [{ id: 1, direction: 'inbound', extra: true }] }, { headers: { 'X-Next': 'p2' } }));
    const requester = requesterFor(version);
    const calls = await requester.call('aircallListCalls', { context: { from: 0 } });
    expectTypeOf(calls).toEqualTypeOf<{ calls: { id: number; direction: 'inbound' | 'outbound' }[] }>();
    expect(calls).toEqual({ calls: [{ id: 1, direction: 'inbound' }] });

    const full = await requester.callWithResponse('aircallListCalls', { context: { from: 0 } });
    expect(full).toMatchObject({ status: 200, attempts: 1, headers: { 'x-next': 'p2' } });
  });

  it('types responses as unknown when the template list is not typed', () => {
    const loose: readonly AnyRequestTemplate[] = templates;
    const requester = createRequester({ api: createFakeRequestApi({ iparams }), platformVersion: '2.1', templates: loose, limiter: false });
    expectTypeOf(requester.call).returns.resolves.toBeUnknown();
  });

  it('resolves the raw string when the template has no schema', async () => {
    answer(() => HttpResponse.text('<ok/>'));
    const body = await requesterFor('2.3').call('crmGetContact', { context: { contact_id: 1 } });
    expectTypeOf(body).toEqualTypeOf<string>();
    expect(body).toBe('<ok/>');
  });

  it.each<Version>(['2.1', '2.3'])('turns malformed JSON into a PARSE error naming the template (%s)', async (version) => {
    answer(() => HttpResponse.text('{"calls": [', { status: 200 }));
    const failure = requesterFor(version).call('aircallListCalls', { context: { from: 0 } });
    await expect(failure).rejects.toBeInstanceOf(RequestError);
    await expect(failure).rejects.toMatchObject({ errorSource: 'PARSE', status: 200, templateName: 'aircallListCalls', response: '{"calls": [' });
    await expect(failure).rejects.toThrow(/^aircallListCalls: the response from api.aircall.io is not valid JSON/);
  });

  it('turns a body of the wrong shape into a PARSE error saying where', async () => {
    answer(() => HttpResponse.json({ calls: [{ id: 'one', direction: 'sideways' }] }));
    const failure = requesterFor('2.3').call('aircallListCalls', { context: { from: 0 } });
    await expect(failure).rejects.toMatchObject({ errorSource: 'PARSE' });
    await expect(failure).rejects.toThrow(/does not match the expected shape: calls\.0\.id: .*; calls\.0\.direction: /);
  });

  it('validates an empty body as undefined', async () => {
    answer(() => new HttpResponse(null, { status: 204 }));
    await expect(requesterFor('2.3').call('aircallListCalls', { context: { from: 0 } })).rejects.toMatchObject({ errorSource: 'PARSE', status: 204 });
    const optional = defineRequestTemplate({ name: 'ping', schema: { method: 'POST', host: 'api.example.com' }, response: z.undefined() });
    answer(() => new HttpResponse(null, { status: 204 }));
    await expect(requesterWith('2.3', [optional]).call('ping')).resolves.toBeUndefined();
  });

  it('reports every issue only up to three', async () => {
    const strict = defineRequestTemplate({ name: 'strict', schema: { method: 'GET', host: 'api.example.com' }, response: z.array(z.number()) });
    answer(() => HttpResponse.json(['a', 'b', 'c', 'd', 'e']));
    await expect(requesterWith('2.1', [strict]).call('strict')).rejects.toThrow(/0: .*; 1: .*; 2: .* \(and 2 more\)/);
  });
});

describe('errors', () => {
  it.each<Version>(['2.1', '2.3'])('says what failed and what to do (%s)', async (version) => {
    answer(() => HttpResponse.json({ message: 'invalid token' }, { status: 401 }));
    const failure = requesterFor(version).call('aircallListCalls', { context: { from: 0 } });
    await expect(failure).rejects.toThrow('aircallListCalls: 401 Unauthorized from api.aircall.io — check the Aircall API token in the installation settings');
    await expect(failure).rejects.toMatchObject({ status: 401, errorSource: 'APP', attempts: 1, response: '{"message":"invalid token"}' });
  });

  it.each<Version>(['2.1', '2.3'])('names the template, field and key of a missing context value before sending (%s)', async (version) => {
    const seen = answer();
    const failure = requesterFor(version).call('crmGetContact', { context: {} });
    await expect(failure).rejects.toBeInstanceOf(RequestTemplateError);
    await expect(failure).rejects.toMatchObject({ templateName: 'crmGetContact', field: 'schema.path', key: 'context.contact_id' });
    await expect(failure).rejects.toThrow('request template "crmGetContact", schema.path: needs context.contact_id, which was not given');
    expect(seen).toHaveLength(0);
  });

  it.each<[string, CallInput]>([
    ['context', { context: { contact_id: '<%= iparam.crm_api_key %>' } }],
    ['body', { context: { contact_id: 1 }, body: 'note: <%= iparam.crm_api_key %>' }],
    ['query', { context: { contact_id: 1 }, query: { q: '%>' } }],
  ])('refuses substitution markers smuggled in through the %s', async (field, input) => {
    const seen = answer();
    await expect(requesterFor('2.1').call('crmGetContact', input)).rejects.toThrow(new RegExp(`${field}.*holds "<%" or "%>"`));
    expect(seen).toHaveLength(0);
  });

  it('refuses a context value it cannot pass inside encode(...)', async () => {
    answer();
    await expect(requesterFor('2.1').call('mixedEncode', { context: { user: `it's "me"`, trace: 't' } })).rejects.toThrow(
      `schema.headers.Authorization: context.user holds both ' and "`,
    );
  });

  it('refuses unknown and duplicate templates', async () => {
    const requester = requesterFor('2.3');
    // @ts-expect-error: not one of the requester's templates
    await expect(requester.call('nope')).rejects.toThrow('request template "nope", name: is not one of this requester\'s templates');
    expect(() => createRequester({ api: createFakeRequestApi({ iparams }), platformVersion: '2.1', templates: [templates[0], templates[0]] })).toThrow('given to the requester twice');
  });

  it('wraps what the 2.3 platform refuses, such as a template missing from the manifest', async () => {
    const undeclared = createFakeRequestApi({ iparams, templates: [templates[1]] });
    const requester = createRequester({ api: undeclared, platformVersion: '2.3', templates, limiter: false });
    const failure = requester.call('aircallDeleteWebhook', { context: { webhook_id: 'x' } });
    await expect(failure).rejects.toMatchObject({ status: 400, errorSource: 'APP', response: expect.stringContaining('is not declared') as unknown });
  });
});
