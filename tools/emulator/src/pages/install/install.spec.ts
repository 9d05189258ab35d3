import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture } from '../../../test/support/app-dir';
import { pagesHarness, type PagesHarness } from '../../../test/support/pages-context';
import { readIparamsJson } from './iparams-json';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function open(fixture: string): Promise<PagesHarness & { dir: string }> {
  const copy = await copyFixture(fixture);
  const harness = await pagesHarness({ appDir: copy.dir });
  cleanups.push(async () => {
    await harness.close();
    await copy.remove();
  });
  return { ...harness, dir: copy.dir };
}

const post = (harness: PagesHarness, path: string, body: unknown) =>
  harness.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('installation page', () => {
  it('frames the form drawn from iparams.json, per product, with Install and no Uninstall yet', async () => {
    const harness = await open('every-method');
    const page = await (await harness.fetch('/custom_configs')).text();
    expect(page).toContain('<iframe class="install-frame" id="fdk-install-frame" src="/_fdk/freshworks_crm/iparams-form"');
    expect(page).toContain('href="/custom_configs?product=freshsales"');
    expect(page).toMatch(/id="fdk-uninstall" data-testid="uninstall" hidden/);
    expect(page).toContain('"install":{"page":"iparams.json","installed":false,"dataBind":{"product.domain":"acme.myfreshworks.com","product.api_key":"fake-crm-key"}}');
    expect(await (await harness.fetch('/custom_configs?product=freshsales')).text()).toContain('src="/_fdk/freshsales/iparams-form"');
  });

  it('frames the app\'s own iparams.html with the installation client, and its assets', async () => {
    const harness = await open('iparams-html-2.2');
    expect(await (await harness.fetch('/custom_configs')).text()).toContain('src="/_config/freshsales/iparams.html"');
    const html = await (await harness.fetch('/_config/freshsales/iparams.html')).text();
    expect(html).toContain('<script src="/_fdk/freshsales/install/client.js"></script>');
    expect(await (await harness.fetch('/_config/freshsales/assets/iparams.js')).text()).toContain('function postConfigs');
  });

  it('says so when the app has no installation parameters', async () => {
    const harness = await open('modal-2.0');
    expect(await (await harness.fetch('/custom_configs')).text()).toContain('This app has no installation parameters');
  });
});

describe('iparams.json form', () => {
  it('draws every field type with its attributes', async () => {
    const harness = await open('dynamic-iparams-2.3');
    const form = await (await harness.fetch('/_fdk/freshsales/iparams-form')).text();
    expect(form).toContain('<script src="/_fdk/freshsales/install/client.js"></script>');
    expect(form).toContain('<script src="/_config/freshsales/assets/iparams.js"></script>');
    expect(form).toMatch(/data-iparam="hero" data-type="text"\s+data-required\s+data-regex="\^\[a-zA-Z0-9_\]\*\$" data-regex-error="Name validation failed"/);
    expect(form).toContain('<span class="required" title="required">*</span>');
    expect(form).toContain('<div class="hint" data-hint-for="hero">You can answer this!</div>');
    expect(form).toContain('<textarea id="iparam-bio" name="bio" rows="4"></textarea>');
    expect(form).toContain('<option value="Grey Matter" selected>Grey Matter</option>');
    expect(form).toContain('type="email" id="iparam-email"');
    expect(form).toContain('type="number" id="iparam-age"');
    expect(form).toContain('type="tel" id="iparam-phone"');
    expect(form).toContain('type="date" id="iparam-since"');
    expect(form).toContain('type="url" id="iparam-website"');
    expect(form).toContain('<input type="radio" name="side" value="Hero" checked>');
    expect(form).toContain('<input type="checkbox" id="iparam-notify" name="notify" checked>');
    expect(form).toMatch(/<select id="iparam-aliens" name="aliens" multiple><option value="Upgrade" >Upgrade<\/option><option value="Ditto" selected>/);
    expect(form).toContain('value="acme.freshsales.io" placeholder="" data-bind="product.domain"');
    expect(form).toContain('type="password" id="iparam-apiKey" name="apiKey" value="fake-classic-key"');
    expect(form).toContain('data-change="checkSignature"');
    expect(form).toMatch(/data-iparam="secret_level"[^>]*hidden>/);
  });

  it('reads malformed iparams.json as a problem to show', async () => {
    const harness = await open('every-method');
    await writeFile(join(harness.dir, 'config/iparams.json'), '{ nope');
    expect(await (await harness.fetch('/_fdk/freshworks_crm/iparams-form')).text()).toContain('config/iparams.json: not valid JSON');
    await writeFile(join(harness.dir, 'config/iparams.json'), '[]');
    expect(await readIparamsJson(harness.dir)).toEqual({ ok: false, problem: 'config/iparams.json: expected an object of iparams' });
    expect(await readIparamsJson('/nonexistent')).toEqual({ ok: false, problem: 'config/iparams.json: not found' });
  });
});

describe('install API', () => {
  it('installs, shows field errors, and never answers secure values', async () => {
    const harness = await open('every-method');
    const refused = await post(harness, '/_fdk/install', { product: 'freshworks_crm', values: { region: 'Mars' } });
    expect(refused.status).toBe(400);
    const refusal = (await refused.json()) as { ok: boolean; errors: { iparam: string; message: string }[] };
    expect(refusal.ok).toBe(false);
    expect(refusal.errors).toContainEqual({ iparam: 'greeting', message: 'Greeting is required' });

    const installed = await post(harness, '/_fdk/install', { product: 'freshworks_crm', values: { greeting: 'Hi', apiKey: 'sk-live-1' } });
    const answer = await installed.text();
    expect(installed.status).toBe(200);
    expect(answer).not.toContain('sk-live-1');
    expect(JSON.parse(answer)).toMatchObject({ ok: true, values: { greeting: 'Hi', region: 'US' } });

    const iparams = await (await harness.fetch('/_fdk/api/iparams?product=freshworks_crm')).text();
    expect(iparams).not.toContain('sk-live-1');
    expect(JSON.parse(iparams)).toEqual({ installed: true, values: { greeting: 'Hi', region: 'US' }, secure: ['apiKey'] });
  });

  it('keeps the stored secure value when the field is left blank, and shows it as stored', async () => {
    const harness = await open('every-method');
    await post(harness, '/_fdk/install', { product: 'freshworks_crm', values: { greeting: 'Hi', apiKey: 'sk-live-1' } });
    const form = await (await harness.fetch('/_fdk/freshworks_crm/iparams-form')).text();
    expect(form).not.toContain('sk-live-1');
    expect(form).toContain('placeholder="stored, leave blank to keep"');
    expect(form).toContain('value="Hi"');
    const saved = await post(harness, '/_fdk/install', { product: 'freshworks_crm', values: { greeting: 'Hello', apiKey: '' } });
    expect(saved.status).toBe(200);
    expect(harness.context.installations.get('freshworks_crm')?.values).toMatchObject({ greeting: 'Hello', apiKey: 'sk-live-1' });
    expect(await (await harness.fetch('/custom_configs')).text()).toMatch(/Installed .*Save/s);
  });

  it('stores iparams.html values with __meta.secure kept server-side, and uninstalls', async () => {
    const harness = await open('iparams-html-2.2');
    const values = { api_key: 'abcKEY', requester: { first_name: 'Ada', last_name: 'Lovelace' }, department: ['Sales'], conditions: [] };
    expect((await post(harness, '/_fdk/install', { product: 'freshsales', values, secure: ['api_key'] })).status).toBe(200);
    const visible = (await (await harness.fetch('/_fdk/api/iparams?product=freshsales')).json()) as { values: Record<string, unknown> };
    expect(visible.values).toEqual({ requester: { first_name: 'Ada', last_name: 'Lovelace' }, department: ['Sales'], conditions: [] });
    expect((await post(harness, '/_fdk/install', { product: 'freshsales', values: { ...values, api_key: '' } })).status).toBe(200);
    expect(harness.context.installations.get('freshsales')).toMatchObject({ values: { api_key: 'abcKEY' }, secure: ['api_key'] });
    expect((await post(harness, '/_fdk/uninstall', { product: 'freshsales' })).status).toBe(200);
    expect((await post(harness, '/_fdk/uninstall', { product: 'freshsales' })).status).toBe(404);
    expect(harness.context.installations.get('freshsales')).toBeUndefined();
  });

  it('refuses malformed requests with a message', async () => {
    const harness = await open('every-method');
    expect((await post(harness, '/_fdk/install', { product: 'freshdesk', values: {} })).status).toBe(400);
    expect((await harness.fetch('/_fdk/install', { method: 'POST', body: '{bad' })).status).toBe(400);
    expect((await post(harness, '/_fdk/uninstall', {})).status).toBe(400);
    expect((await harness.fetch('/_fdk/api/iparams?product=nope')).status).toBe(400);
    expect(await (await harness.fetch('/_fdk/api/iparams?product=freshsales')).json()).toEqual({ installed: false, values: {}, secure: [] });
  });
});
