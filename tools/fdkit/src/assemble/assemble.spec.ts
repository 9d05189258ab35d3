import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assemble } from './assemble';
import { config, frontendPart, serverlessPart, workspace as makeWorkspace } from '../../test/support/workspace';
import { listFiles, writeJson, writeText } from './files';

let root: string;
const workspace = (overrides?: Parameters<typeof makeWorkspace>[1]) => makeWorkspace(root, overrides);

async function digest(dir: string) {
  const hash = createHash('sha256');
  for (const file of await listFiles(dir)) hash.update(file).update(await readFile(join(dir, file)));
  return hash.digest('hex');
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fdkit-assemble-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('assemble', () => {
  it('writes the FDK layout for every product', async () => {
    await workspace();
    const { files } = await assemble({ workspaceRoot: root });
    expect(files).toEqual([
      'app/chunks/chunk-BBBB2222.js',
      'app/contact-AAAA1111.js',
      'app/contact.html',
      'app/icons/icon.svg',
      'app/lead-CCCC3333.js',
      'app/lead.html',
      'app/log-call.html',
      'app/modal-DDDD4444.js',
      'app/modal.html',
      'config/iparams.json',
      'manifest.json',
      'README.md',
      'server/server.js',
      'server/test_data/onAppInstall.json',
      'server/test_data/onLeadCreate.json',
      'src/apps/web/package.json',
      'src/apps/web/src/contact.ts',
    ]);
    const manifest = JSON.parse(await readFile(join(root, 'dist/fdk/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toEqual({
      'platform-version': '2.1',
      product: {
        freshworks_crm: {
          location: { contact_entity_menu: { url: 'contact.html', icon: 'icons/icon.svg' } },
          events: { onAppInstall: { handler: 'onAppInstall' } },
        },
        freshsales: {
          location: {
            contact_entity_menu: { url: 'contact.html', icon: 'icons/icon.svg' },
            lead_entity_menu: { url: 'lead.html', icon: 'icons/icon.svg' },
          },
          events: { onAppInstall: { handler: 'onAppInstall' }, onLeadCreate: { handler: 'onLeadCreate' } },
        },
      },
      'whitelisted-domains': ['https://api.example.com'],
    });
  });

  it('loads the client as 2.1 expects, then preloads chunks and runs the entry as a module', async () => {
    await workspace();
    await assemble({ workspaceRoot: root });
    const html = await readFile(join(root, 'dist/fdk/app/contact.html'), 'utf8');
    expect(html).toContain('<script src="https://static.freshdev.io/fdk/2.0/assets/fresh_client.js"></script>');
    expect(html.indexOf('fresh_client.js')).toBeLessThan(html.indexOf('type="module"'));
    expect(html).toContain('<link rel="modulepreload" href="chunks/chunk-BBBB2222.js">');
    expect(html).toContain('<script type="module" src="contact-AAAA1111.js"></script>');
  });

  it('uses the app\'s own test data and the platform\'s samples for the rest', async () => {
    await workspace();
    await assemble({ workspaceRoot: root });
    expect(JSON.parse(await readFile(join(root, 'dist/fdk/server/test_data/onAppInstall.json'), 'utf8'))).toEqual({ own: true });
    const lead = JSON.parse(await readFile(join(root, 'dist/fdk/server/test_data/onLeadCreate.json'), 'utf8')) as { data: { lead: unknown } };
    expect(lead.data.lead).toBeDefined();
  });

  it('emits the request-template layout for --platform 2.3', async () => {
    await workspace();
    await assemble({ workspaceRoot: root, platformVersion: '2.3' });
    const manifest = JSON.parse(await readFile(join(root, 'dist/fdk/manifest.json'), 'utf8')) as {
      engines: unknown;
      product: Record<string, { requests: unknown; functions: unknown }>;
    };
    expect(manifest.engines).toEqual({ node: '18.20.8', fdk: '9.7.4' });
    expect(manifest).not.toHaveProperty('whitelisted-domains');
    expect(manifest.product.freshsales!.requests).toEqual({ listCalls: {} });
    expect(manifest.product.freshsales!.functions).toEqual({ findByPhone: { timeout: 10 } });
    expect(JSON.parse(await readFile(join(root, 'dist/fdk/config/requests.json'), 'utf8'))).toEqual(serverlessPart.requests);
    expect(await readFile(join(root, 'dist/fdk/app/contact.html'), 'utf8')).toContain('<script src="{{{appclient}}}"></script>');
  });

  it('writes a per-product installation page when fields differ by product', async () => {
    await workspace({
      serverlessPart: {
        ...serverlessPart,
        iparams: {
          ...serverlessPart.iparams,
          kind: { displayName: 'Type', type: 'dropdown', options: ['contact', 'lead'], products: ['freshsales'] },
        },
      },
    });
    const { files } = await assemble({ workspaceRoot: root });
    expect(files).toContain('config/iparams.html');
    expect(files).not.toContain('config/iparams.json');
    const html = await readFile(join(root, 'dist/fdk/config/iparams.html'), 'utf8');
    expect(html).toContain('window.postConfigs');
    expect(html).toContain('"secure":["api_token"]');
  });

  it('is deterministic: two builds are byte-identical', async () => {
    await workspace();
    await assemble({ workspaceRoot: root });
    const first = await digest(join(root, 'dist/fdk'));
    await assemble({ workspaceRoot: root });
    expect(await digest(join(root, 'dist/fdk'))).toBe(first);
  });

  it.each([
    ['no fdkit.json', async () => {}, /fdkit.json: not found/],
    ['a bad fdkit.json', async () => writeText(join(root, 'fdkit.json'), '{nope'), /fdkit.json: not valid JSON/],
    ['an fdkit.json missing a field', async () => writeJson(join(root, 'fdkit.json'), { ...config, name: 'Bad Name' }), /fdkit.json: name: use lowercase/],
  ])('explains %s', async (_, setup, message) => {
    await setup();
    await expect(assemble({ workspaceRoot: root })).rejects.toThrow(message);
  });

  it('refuses a server.js built for another platform version, saying how to rebuild it', async () => {
    await workspace({ serverlessPart: { ...serverlessPart, platformVersion: '2.1' } });
    await expect(assemble({ workspaceRoot: root, platformVersion: '2.3' })).rejects.toThrow(
      'apps/server/dist/server.js was built for platform 2.1, not 2.3: rebuild it with CALLBRIDGE_PLATFORM_VERSION=2.3 npx nx build serverless',
    );
    expect((await assemble({ workspaceRoot: root })).app.platformVersion).toBe('2.1');
  });

  it('explains a missing build and a broken app definition', async () => {
    await workspace();
    await rm(join(root, 'apps/web/dist/entries.json'));
    await expect(assemble({ workspaceRoot: root })).rejects.toThrow(/entries.json: not found; build the front end first/);
    await workspace({ frontendPart: { ...frontendPart, placeholders: [{ ...frontendPart.placeholders[1], products: ['freshworks_crm'] }] } });
    await expect(assemble({ workspaceRoot: root })).rejects.toThrow(/placeholder lead_entity_menu: freshworks_crm has no such placeholder/);
    await workspace({ frontendPart: { ...frontendPart, modals: [{ name: 'x', entry: 'missing' }] } });
    await expect(assemble({ workspaceRoot: root })).rejects.toThrow(/front-end entry "missing" was not built/);
    await workspace({ serverlessPart: { ...serverlessPart, events: 'nope' } });
    await expect(assemble({ workspaceRoot: root })).rejects.toThrow(/app-part.json: events: /);
    await rm(join(root, 'apps/server/dist/app-part.json'));
    await expect(assemble({ workspaceRoot: root })).rejects.toThrow(/build serverless first/);
  });
});
