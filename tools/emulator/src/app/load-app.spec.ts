import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadApp } from './load-app';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-app-'));
});
afterEach(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));

async function write(file: string, text: string) {
  await mkdir(join(dir, file, '..'), { recursive: true });
  await writeFile(join(dir, file), text);
}

describe('loadApp', () => {
  it('reads placeholders, events, functions and requests per product', async () => {
    await write(
      'manifest.json',
      JSON.stringify({
        'platform-version': '2.3',
        product: {
          freshsales: {
            location: { contact_entity_menu: { url: 'index.html', icon: 'icon.svg' } },
            events: { onContactCreate: { handler: 'onContactCreateHandler' } },
            functions: { lookup: { timeout: 10 }, plain: {} },
            requests: { listCalls: {} },
          },
        },
      }),
    );
    await write('server/server.js', 'exports = {};');
    await write('config/iparams.json', '{}');
    const app = await loadApp(dir);
    expect(app).toMatchObject({ platformVersion: '2.3', hasServer: true, installationPage: 'iparams.json', problems: [] });
    expect(app.products.freshsales).toEqual({
      placeholders: { contact_entity_menu: { url: 'index.html', icon: 'icon.svg' } },
      events: { onContactCreate: 'onContactCreateHandler' },
      functions: { lookup: { timeout: 10 }, plain: {} },
      requests: ['listCalls'],
    });
  });

  it('prefers iparams.html and shows a 3.0 app\'s common module in Freshworks CRM', async () => {
    await write('manifest.json', JSON.stringify({ 'platform-version': '3.0', modules: { common: { location: { full_page_app: { url: 'a.html' } } } } }));
    await write('config/iparams.html', '<html></html>');
    await write('config/iparams.json', '{}');
    const app = await loadApp(dir);
    expect(app.installationPage).toBe('iparams.html');
    expect(app.products.freshworks_crm?.placeholders).toEqual({ full_page_app: { url: 'a.html' } });
    expect(app.hasServer).toBe(false);
  });

  it.each([
    ['no manifest', null, /manifest.json: not found/],
    ['a manifest that is not JSON', '{"platform-version": ', /manifest.json: not valid JSON/],
    ['a manifest without a version', '{"product": {}}', /manifest.json: platform-version: /],
    ['a manifest with no product', '{"platform-version": "2.1"}', /manifest.json: product: lists no product/],
  ])('lists the problem for %s instead of throwing', async (_, manifest, problem) => {
    if (manifest !== null) await write('manifest.json', manifest);
    const app = await loadApp(dir);
    expect(app.problems).toEqual([expect.stringMatching(problem)]);
  });
});
