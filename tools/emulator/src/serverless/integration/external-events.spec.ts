import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServerlessFixture, jsonAfter, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

let harness: ServerlessHarness;
let remove: () => Promise<void>;

beforeEach(async () => {
  const fixture = await copyServerlessFixture('serverless-omni');
  remove = fixture.remove;
  harness = await startServerless({ appDir: fixture.dir });
  await harness.post('/_emulator/install', { product: 'freshsales', iparams: { subdomain: 'acme', api_key: 'sekret' } });
});
afterEach(async () => {
  await harness.close();
  await remove();
});

async function targetUrl(): Promise<string> {
  const state = (await harness.call('GET', '/_emulator/state')).body as { db: { freshsales: { target: { url: string } } } };
  return state.db.freshsales.target.url;
}

async function external(index: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const lines = harness.logs.filter((line) => line.startsWith('[freshsales onExternalEvent] EXTERNAL'));
    if (lines[index]) return jsonAfter(lines[index], 'EXTERNAL');
    if (Date.now() > deadline) throw new Error(`no external event #${index}:\n${harness.logs.join('\n')}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('external events', () => {
  it('gives onAppInstall a target URL under /_fdk/external whose requests reach onExternalEvent as JSON, XML and form data', async () => {
    const url = await targetUrl();
    expect(url).toMatch(new RegExp(`^${harness.url}/_fdk/external/freshsales/[0-9a-f]{32}$`));
    expect(harness.logs).toContain('[freshsales onAppInstall] installed with api_key,subdomain');

    const json = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ call: { id: 7 } }) });
    expect(json.status).toBe(200);
    expect(await external(0)).toEqual({ data: { call: { id: 7 } }, contentType: 'application/json', product: 'freshsales' });

    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<call id="8"/>' });
    expect(await external(1)).toEqual({ data: '<call id="8"/>', contentType: 'application/xml', product: 'freshsales' });

    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'id=9&tag=a&tag=b' });
    expect(await external(2)).toEqual({ data: { id: '9', tag: ['a', 'b'] }, contentType: 'application/x-www-form-urlencoded', product: 'freshsales' });

    const stored = async () => ((await harness.call('GET', '/_emulator/state')).body as { db: { freshsales: Record<string, unknown> } }).db.freshsales['external:last'];
    await expect.poll(stored).toEqual({ data: { id: '9', tag: ['a', 'b'] } });
  });

  it('refuses unknown tokens, bad bodies and unsupported content types', async () => {
    const url = await targetUrl();
    expect((await fetch(`${harness.url}/_fdk/external/freshsales/deadbeef`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(url.replace('freshsales', 'nowhere'), { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' })).status).toBe(400);
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' })).status).toBe(415);
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ big: 'x'.repeat(129 * 1024) }) })).status).toBe(413);
  });

  it('takes at most 250 external events a minute per product', async () => {
    const url = await targetUrl();
    const send = () => fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 250 }, send));
    expect(new Set(statuses)).toEqual(new Set([415]));
    expect(await send()).toBe(429);
    await harness.post('/_emulator/clock/advance', { ms: 60_000 });
    expect(await send()).toBe(415);
  });

  it('forgets the URL on uninstall and makes a new one on the next install', async () => {
    const first = await targetUrl();
    expect((await harness.post('/_emulator/uninstall', { product: 'freshsales' })).body).toEqual({ ok: true, uninstalled: true });
    await harness.waitForLog((line) => line.includes('uninstalling from freshsales'));
    expect((await fetch(first, { method: 'POST', body: '{}' })).status).toBe(404);
    await harness.post('/_emulator/install', { product: 'freshsales', iparams: { subdomain: 'acme', api_key: 'sekret' } });
    const second = await targetUrl();
    expect(second).not.toBe(first);
  });
});
