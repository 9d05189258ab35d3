import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServerlessFixture, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

let harness: ServerlessHarness;
let remove: () => Promise<void>;

beforeEach(async () => {
  const fixture = await copyServerlessFixture('serverless-omni');
  remove = fixture.remove;
  harness = await startServerless({ appDir: fixture.dir });
  await harness.post('/_emulator/install', { product: 'freshworks_crm', iparams: { subdomain: 'acme', api_key: 'sekret' } });
});
afterEach(async () => {
  await harness.close();
  await remove();
});

describe('malformed input answers 400 naming the field', () => {
  it.each([
    ['/_emulator/events/onContactCreate', { product: 'nope' }, 'product'],
    ['/_emulator/events/onContactCreate', { product: 'freshworks_crm', payload: 'text' }, 'payload'],
    ['/_emulator/events/onContactCreate', { product: 'freshworks_crm', payload: { data: 'text' } }, 'payload.data'],
    ['/_emulator/events/onContactCreate', { product: 'freshworks_crm', payload: { data: {}, timestamp: 'yesterday' } }, 'payload.timestamp'],
    ['/_emulator/events/onContactCreate', { product: 'freshworks_crm', payload: { data: {}, iparams: [1] } }, 'payload.iparams'],
    ['/_emulator/events/onContactCreate', { product: 'freshworks_crm', payload: { data: {}, productContext: 'crm' } }, 'payload.productContext'],
    ['/_emulator/events/onLeadCreate', { product: 'freshworks_crm' }, 'event'],
    ['/_emulator/functions/ping', { product: 'freshworks_crm', payload: [1] }, 'payload'],
    ['/_emulator/install', {}, 'product'],
    ['/_emulator/install', { product: 'freshsales', iparams: 'x' }, 'iparams'],
    ['/_emulator/uninstall', { product: 3 }, 'product'],
    ['/_emulator/clock/advance', { ms: -5 }, 'ms'],
    ['/_fdk/api/db', { product: 'freshworks_crm', action: 'drop', key: 'k' }, 'action'],
    ['/_fdk/api/request', { product: 'freshworks_crm' }, 'template'],
    ['/_fdk/api/invoke', { product: 'freshworks_crm' }, 'name'],
  ])('%s %j → %s', async (path, body, field) => {
    const answer = await harness.post(path, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 400, field, message: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}: `)) as unknown });
  });

  it('names the body when it is not JSON', async () => {
    const response = await fetch(`${harness.url}/_emulator/events/onContactCreate`, { method: 'POST', body: '{oops' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^body: not valid JSON/);
    expect((await harness.call('GET', '/web/test/payload?event=onContactCreate')).body).toMatchObject({ field: 'product' });
    expect((await harness.call('GET', '/web/test/payload?product=freshsales')).body).toMatchObject({ field: 'event' });
  });
});

describe('the automation API', () => {
  it('runs every registered event of both products from its default payload', async () => {
    await harness.post('/_emulator/install', { product: 'freshsales', iparams: { subdomain: 'acme', api_key: 'sekret' } });
    const page = await (await fetch(`${harness.url}/web/test`)).text();
    const { events } = JSON.parse(/id="model">(.*?)<\/script>/.exec(page)![1]!) as { events: Record<string, string[]> };
    for (const [product, names] of Object.entries(events)) {
      for (const event of names) {
        const result = await harness.post(`/_emulator/events/${event}`, { product });
        expect([event, product, result.body]).toEqual([event, product, expect.objectContaining({ ok: true }) as unknown]);
      }
    }
    expect(Object.values(events).flat()).toHaveLength(27);
  });

  it('simulates an event with server/test_data, else the platform sample, with the installed iparams', async () => {
    const own = await harness.post('/_emulator/events/onContactCreate', { product: 'freshworks_crm' });
    expect(own.body).toMatchObject({ ok: true, status: 200, response: null, error: null });
    const logged = (own.body as { logs: { message: string }[] }).logs[0]!.message;
    expect(logged).toContain('"value":"From test_data"');
    expect(logged).toContain('"iparams":{"subdomain":"acme","api_key":"sekret"}');
    expect(logged).toContain('"productContext":{"url":"https://acme.myfreshworks.com/crm","name":"freshworks_crm"}');

    const sample = await harness.post('/_emulator/events/onDealCreate', { product: 'freshworks_crm' });
    expect((sample.body as { logs: { message: string }[] }).logs[0]!.message).toContain('"domain":"sample.myfreshworks.com"');

    const given = await harness.post('/_emulator/events/onDealCreate', { product: 'freshworks_crm', payload: { data: { deal: { id: 5 } }, iparams: { subdomain: 'other' } } });
    expect((given.body as { logs: { message: string }[] }).logs[0]!.message).toContain('"iparams":{"subdomain":"other"}');
  });

  it('runs setup events from the automation API and reports installs that fail validation', async () => {
    expect(await harness.post('/_emulator/install', { product: 'freshsales', iparams: { subdomain: 'acme' } })).toEqual({
      status: 422,
      body: { ok: false, errors: [{ iparam: 'api_key', message: 'API key is required' }] },
    });
    const uninstall = await harness.post('/_emulator/events/onAppUninstall', { product: 'freshworks_crm' });
    expect(uninstall.body).toMatchObject({ ok: true, logs: [{ level: 'log', message: 'uninstalling from freshworks_crm' }] });
  });

  it('shows state: CRM records per product, data store, schedules, installed products and emulated time', async () => {
    const state = (await harness.call('GET', '/_emulator/state')).body as Record<string, Record<string, Record<string, unknown[]>>>;
    expect(Object.keys(state).sort()).toEqual(['crm', 'db', 'installed', 'now', 'schedules']);
    expect(Object.keys(state.crm!).sort()).toEqual(['freshsales', 'freshworks_crm']);
    expect(state.crm!.freshsales!.leads!.length).toBeGreaterThan(0);
    expect(Object.keys(state.crm!.freshworks_crm!)).toEqual(expect.arrayContaining(['contacts', 'leads', 'deals', 'sales_accounts', 'phone_calls']) as unknown);
    expect(state.installed).toEqual(['freshworks_crm']);
  });

  it('serves /web/test with every registered event per product and pre-fills payloads', async () => {
    const page = await fetch(`${harness.url}/web/test`);
    const text = await page.text();
    expect(text).toContain('Simulate serverless events');
    const model = JSON.parse(/<script type="application\/json" id="model">(.*?)<\/script>/.exec(text)![1]!) as { events: Record<string, string[]> };
    expect(model.events.freshsales).toContain('onLeadDelete');
    expect(model.events.freshworks_crm).not.toContain('onLeadDelete');
    expect(model.events.freshworks_crm).toContain('onScheduledEvent');

    const own = (await harness.call('GET', '/web/test/payload?product=freshworks_crm&event=onContactCreate')).body as { source: string; payload: { iparams: unknown } };
    expect(own.source).toBe('server/test_data/onContactCreate.json');
    expect(own.payload.iparams).toEqual({ subdomain: 'acme', api_key: 'sekret' });
    const sample = (await harness.call('GET', '/web/test/payload?product=freshsales&event=onLeadCreate')).body as { source: string };
    expect(sample.source).toContain('platform sample');
    const none = (await harness.call('GET', '/web/test/payload?product=freshsales&event=onNothing')).body as { source: string; payload: unknown };
    expect(none).toMatchObject({ source: expect.stringContaining('empty') as unknown, payload: { data: {} } });
  });
});
