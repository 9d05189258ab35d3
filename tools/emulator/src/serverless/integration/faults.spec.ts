import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServerlessFixture, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

let harness: ServerlessHarness;
let remove: () => Promise<void>;

const TIMEOUT = 'Timeout error while processing the request.';

beforeEach(async () => {
  const fixture = await copyServerlessFixture('serverless-omni');
  remove = fixture.remove;
  // The platform's 20 s (events) and 1 s-per-manifest-second (functions) budgets, shortened for the test.
  harness = await startServerless({ appDir: fixture.dir, serverless: { eventTimeoutMs: () => 400, functionTimeoutMs: (seconds) => seconds * 400 } });
  await harness.post('/_emulator/install', { product: 'freshworks_crm', iparams: { subdomain: 'acme', api_key: 'sekret' } });
});
afterEach(async () => {
  await harness.close();
  await remove();
});

const simulate = (mode?: string) => harness.post('/_emulator/events/onDealCreate', { product: 'freshworks_crm', payload: { data: { mode, deal: { id: 1 } } } });

describe('a handler that misbehaves', () => {
  it('answers 504 when it never finishes, 504 when it loops, 500 when it throws, and the next event still runs', async () => {
    const hang = await simulate('hang');
    expect(hang.body).toMatchObject({ ok: false, status: 504, error: { status: 504, message: TIMEOUT } });
    expect((hang.body as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(390);

    const loop = await simulate('loop');
    expect(loop.body).toMatchObject({ ok: false, status: 504, error: { message: TIMEOUT } });

    const thrown = await simulate('throw');
    expect(thrown.body).toMatchObject({ ok: false, status: 500 });
    expect((thrown.body as { error: { message: string } }).error.message).toMatch(/^TypeError: the handler broke on purpose \(server\/server\.js:\d+:\d+\)$/);

    const next = await simulate();
    expect(next.body).toMatchObject({ ok: true, status: 200, error: null });
    expect((next.body as { logs: { message: string }[] }).logs[0]!.message).toMatch(/^EVENT /);
  });

  it('answers server methods as the platform does: 504 at the function timeout, 400 for a non-object error, 500 for a throw', async () => {
    const invoke = (name: string, payload: unknown = {}) => harness.post('/_fdk/api/invoke', { product: 'freshworks_crm', name, payload });

    const slow = await invoke('slow');
    expect(slow).toMatchObject({ status: 504, body: { status: 504, message: TIMEOUT, errorSource: 'APP' } });
    expect((slow.body as { requestID: string }).requestID).toMatch(/^[0-9a-f-]{36}$/);
    expect(await invoke('spin')).toMatchObject({ status: 504, body: { message: TIMEOUT } });
    expect(await invoke('badError')).toMatchObject({ status: 400, body: { status: 400, message: 'The error should be a JSON Object with a message or a status parameter.' } });
    const boom = await invoke('boom');
    expect(boom.status).toBe(500);
    expect((boom.body as { message: string }).message).toMatch(/^TypeError: Cannot read properties of null .*\(server\/server\.js:\d+:\d+\)$/);

    expect(await invoke('ping', { message: 'still here' })).toMatchObject({
      status: 200,
      body: { response: { pong: 'hello, still here', product: 'freshworks_crm', iparams: ['api_key', 'subdomain'], secureSeen: true } },
    });
  });

  it('refuses server methods that are not declared, not exported, badly named or too big', async () => {
    const invoke = (name: string, payload: unknown = {}) => harness.post('/_fdk/api/invoke', { product: 'freshworks_crm', name, payload });
    expect(await invoke('nope')).toMatchObject({ status: 404, body: { message: "Requested function 'nope' not found or registered" } });
    expect(await invoke('x')).toMatchObject({ status: 400, body: { message: expect.stringContaining('must be of length 2-40') as unknown } });
    const missing = await invoke('notExported');
    expect(missing).toMatchObject({ status: 500, body: { message: expect.stringContaining('server.js exports no function "notExported"') as unknown } });
    expect(await invoke('ping', { blob: 'x'.repeat(101 * 1024) })).toMatchObject({ status: 413 });
    expect(await invoke('ping', 'not an object')).toMatchObject({ status: 400, body: { message: 'payload: must be a JSON object' } });
  });

  it('gives server.js the sandbox the platform gives it: no timers, no Buffer, process.env only, require limited to server/ and declared packages', async () => {
    const info = await harness.post('/_emulator/functions/sandboxInfo', { product: 'freshworks_crm', payload: {} });
    expect(info.body).toMatchObject({
      ok: true,
      response: {
        present: [],
        processKeys: ['env'],
        env: 'test',
        required: [
          "Cannot find module 'fs': the serverless sandbox offers no Node.js built-in modules",
          `Cannot find module 'left-pad': declare "left-pad" in manifest.json "dependencies"`,
          "Cannot find module '../../outside': no such file from server",
        ],
      },
    });
  });

  it('keeps running when server.js leaves a platform promise rejected without a handler', async () => {
    const result = await harness.post('/_emulator/functions/dbRoundTrip', { product: 'freshworks_crm', payload: { key: 'k1', name: 'Ada', ttl: 60 } });
    expect(result.body).toMatchObject({
      ok: true,
      response: { value: { name: 'Ada', empty: null, n: 3, nested: { deep: true } }, missing: { status: 404, message: 'Record not found' } },
    });
  });
});
