import { afterEach, describe, expect, it } from 'vitest';
import { copyServerlessFixture, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

let harness: ServerlessHarness | undefined;
let remove: (() => Promise<void>) | undefined;
afterEach(async () => {
  await harness?.close();
  await remove?.();
  harness = undefined;
});

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Starts a fixture, installs it in Freshworks CRM and answers `hosts` in-process, recording what arrives. */
async function start(fixtureName: string, hosts: string[], answer: (seen: Seen, count: number) => Response = () => Response.json({ ok: true })) {
  const fixture = await copyServerlessFixture(fixtureName);
  remove = fixture.remove;
  const h = await startServerless({ appDir: fixture.dir });
  harness = h;
  const seen: Seen[] = [];
  for (const host of hosts) {
    h.context.virtualHosts.set(host, async (request) => {
      const entry = { method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() };
      seen.push(entry);
      return answer(entry, seen.length);
    });
  }
  await h.post('/_emulator/install', { product: 'freshworks_crm', iparams: { subdomain: 'acme', api_key: 'sekret' } });
  const request = (body: Record<string, unknown>) => h.post('/_fdk/api/request', { product: 'freshworks_crm', ...body });
  return { h, seen, request };
}

describe('the request proxy, 2.1/2.2 free-form', () => {
  it('substitutes iparams in URL, headers and body, and secure ones reach the wire only in headers', async () => {
    const { h, seen } = await start('serverless-omni', ['acme.example.com'], () => Response.json({ id: 42 }, { status: 201 }));
    const result = await h.post('/_emulator/functions/callApi', { product: 'freshworks_crm', payload: {} });
    expect(result.body).toMatchObject({ ok: true, response: { status: 201, body: { id: 42 } } });
    expect(seen).toHaveLength(1);
    const [call] = seen;
    expect(call).toMatchObject({ method: 'POST', url: 'https://acme.example.com/calls?source=app', body: '{"note":"made by acme"}' });
    expect(call!.headers.authorization).toBe('Bearer sekret');
    expect(call!.headers['x-subdomain']).toBe('acme');
    expect(call!.url + call!.body).not.toContain('sekret');

    const leak = await h.post('/_emulator/functions/leakKey', { product: 'freshworks_crm', payload: {} });
    expect(leak.body).toMatchObject({ ok: false, status: 400, error: { message: expect.stringContaining('Secure iparam "api_key" can only be used in headers, not in the url') as unknown } });
    expect(seen).toHaveLength(1);
    const state = JSON.stringify((await h.call('GET', '/_emulator/state')).body);
    expect(state).not.toContain('sekret');
  });

  it('answers the browser with {status, headers, response, attempts}, and refuses domains not whitelisted', async () => {
    const { request } = await start('serverless-omni', ['acme.example.com', 'acme.example.org', 'nothere.example.com'], () => new Response('plain text', { headers: { 'x-answer': 'yes' } }));
    const ok = await request({ method: 'GET', url: 'https://acme.example.com/x', options: { headers: { Authorization: 'Token <%= iparam.api_key %>' } } });
    expect(ok).toMatchObject({ status: 200, body: { status: 200, response: 'plain text', attempts: 1, headers: expect.objectContaining({ 'x-answer': 'yes' }) as unknown } });
    expect((await request({ method: 'get', url: 'https://acme.example.org/templated-entry' })).status).toBe(200);
    expect(await request({ method: 'GET', url: 'https://other.example.org/x' })).toMatchObject({
      status: 400,
      body: { status: 400, response: 'This domain has not been whitelisted.', errorSource: 'APP', attempts: 1 },
    });
    expect(await request({ method: 'GET', url: 'https://unreachable.example.com/x' })).toMatchObject({
      status: 502,
      body: { errorSource: 'PLATFORM', response: 'offline: unreachable.example.com is not emulated; run with --live to reach it' },
    });
    expect(await request({ method: 'GET', url: 'https://acme.example.com/x', options: { maxAttempts: 6 } })).toMatchObject({ status: 400, body: { errorSource: 'APP' } });
    expect(await request({ method: 'GET', url: 'https://acme.example.com/x?k=<%= iparam.api_key %>' })).toMatchObject({ status: 400 });
  });

  it('retries network errors, 429 and 5xx up to maxAttempts, and nothing else', async () => {
    const { request, seen } = await start('serverless-omni', ['acme.example.com'], (entry, count) => {
      if (entry.url.endsWith('/flaky')) return new Response('busy', { status: count < 3 ? 503 : 200 });
      if (entry.url.endsWith('/limited')) return new Response('slow down', { status: 429 });
      return new Response('nope', { status: 404 });
    });
    expect(await request({ method: 'GET', url: 'https://acme.example.com/flaky', options: { maxAttempts: 3, retryDelay: 5 } })).toMatchObject({ status: 200, body: { attempts: 3 } });
    expect(await request({ method: 'GET', url: 'https://acme.example.com/limited', options: { maxAttempts: 2, retryDelay: 5 } })).toMatchObject({
      status: 429,
      body: { attempts: 2, response: 'slow down', errorSource: 'APP' },
    });
    const before = seen.length;
    expect(await request({ method: 'GET', url: 'https://acme.example.com/missing', options: { maxAttempts: 3, retryDelay: 5 } })).toMatchObject({ status: 404, body: { attempts: 1 } });
    expect(seen.length - before).toBe(1);
  });

  it('queues the 51st request of a minute until the minute has passed', async () => {
    const { h, seen, request } = await start('serverless-omni', ['acme.example.com']);
    const answers: number[] = [];
    const all = Array.from({ length: 51 }, (_, i) => request({ method: 'GET', url: `https://acme.example.com/n/${i}` }).then((r) => answers.push(r.status)));
    await expect.poll(() => seen.length).toBe(50);
    await new Promise((done) => setTimeout(done, 300));
    expect(seen).toHaveLength(50);
    expect(answers).toHaveLength(50);
    await h.post('/_emulator/clock/advance', { ms: 60_000 });
    await Promise.all(all);
    expect(seen).toHaveLength(51);
    expect(new Set(answers)).toEqual(new Set([200]));
  });
});

describe('the request proxy, 2.3 templates', () => {
  it('renders a declared template with iparams, context and query, and retries per its options', async () => {
    const { h, seen, request } = await start('serverless-templates', ['acme.example.com'], (_entry, count) => (count === 1 ? new Response('', { status: 500 }) : Response.json({ thing: 7 })));
    const result = await h.post('/_emulator/functions/useTemplate', { product: 'freshworks_crm', payload: { id: 7, q: 'a b' } });
    expect(result.body).toMatchObject({ ok: true, response: { status: 200, attempts: 2, body: { thing: 7 } } });
    expect(seen[1]).toMatchObject({ method: 'GET', url: 'https://acme.example.com/things/7?q=a+b&fixed=1' });
    expect(seen[1]!.headers.authorization).toBe(`Basic ${Buffer.from('sekret:X').toString('base64')}`);
    expect((await request({ template: 'getThing', options: { context: { id: 8, q: 'z' } } })).status).toBe(200);
  });

  it('refuses what the platform refuses: undeclared or unknown templates, hosts with paths, secure iparams outside headers, odd content types, free-form calls', async () => {
    const { h, request } = await start('serverless-templates', ['acme.example.com']);
    expect(await request({ template: 'notDeclared' })).toMatchObject({ status: 400, body: { response: "Request template 'notDeclared' is not defined in manifest.json" } });
    expect(await request({ template: 'nope' })).toMatchObject({ status: 400, body: { response: 'Request template not found' } });
    expect(await request({ template: 'hostWithPath' })).toMatchObject({
      status: 400,
      body: { response: 'runtime validation failed.', errors: [{ message: 'must not have path: acme.example.com/api', instancePath: '/schema/host' }] },
    });
    expect(await request({ template: 'secureInPath' })).toMatchObject({ status: 400, body: { response: expect.stringContaining('only be used in headers') as unknown } });
    expect(await request({ template: 'badContentType' })).toMatchObject({ status: 415, body: { response: 'Unsupported content type' } });
    expect(await request({ template: 'getThing', options: { context: { id: 1 } } })).toMatchObject({ status: 400, body: { response: expect.stringContaining('context.q') as unknown } });
    expect(await request({ method: 'GET', url: 'https://acme.example.com/x' })).toMatchObject({ status: 400, body: { response: expect.stringContaining('get is no longer supported in Request API') as unknown } });
    const freeForm = await h.post('/_emulator/functions/freeFormOnNewPlatform', { product: 'freshworks_crm', payload: {} });
    expect(freeForm.body).toMatchObject({ ok: false, status: 400, error: { message: expect.stringContaining('get is no longer supported') as unknown } });
  });
});
