import { afterAll, describe, expect, it } from 'vitest';
import { brief, removeApps, validateFixture } from '../../testing';

afterAll(removeApps);

describe('manifest schema', () => {
  it('passes the valid fixtures of each version', async () => {
    for (const base of ['omni-2.1', 'smi-2.2', 'templates-2.3', 'samples/airtable-sync']) {
      const report = await validateFixture(base);
      expect(report.errors, base).toEqual([]);
    }
  });

  it('reports a manifest that is not an object', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'manifest.json': '[1, 2]' } });
    expect(brief(report.errors)).toEqual(['manifest-schema manifest.json']);
    expect(report).toMatchObject({ platformVersion: null, products: [] });
  });

  it.each([
    [undefined, 'it is missing'],
    [2.1, 'found 2.1'],
    ['1.0', 'is not one fdkit checks'],
    ['2.4', 'is not one fdkit checks'],
  ])('rejects platform-version %j', async (version, message) => {
    const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { 'platform-version': version } } });
    expect(report.errors).toContainEqual(expect.objectContaining({ rule: 'platform-version', location: 'platform-version', message: expect.stringContaining(message) as string }));
    expect(report.products).toEqual(['freshworks_crm', 'freshsales']);
  });

  it('requires at least one product', async () => {
    for (const product of [undefined, {}, []]) {
      const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { product } } });
      expect(brief(report.errors), JSON.stringify(product)).toContain('manifest-schema manifest.json product');
    }
  });

  it('reports malformed product sections, locations, events and functions at their JSON path', async () => {
    const report = await validateFixture('omni-2.1', {
      set: {
        'manifest.json': {
          'product.freshsales': 'yes',
          'product.freshworks_crm.location.contact_entity_menu': { url: 3 },
          'product.freshworks_crm.events.onContactCreate': { handler: '' },
          'product.freshworks_crm.events.onAppInstall.extra': true,
        },
      },
    });
    expect(brief(report.errors)).toEqual(expect.arrayContaining([
      'manifest-schema manifest.json product.freshsales',
      'manifest-schema manifest.json product.freshworks_crm.location.contact_entity_menu.url',
      'manifest-schema manifest.json product.freshworks_crm.location.contact_entity_menu.icon',
      'manifest-schema manifest.json product.freshworks_crm.events.onContactCreate.handler',
    ]));
    expect(report.errors.find((e) => e.location.endsWith('contact_entity_menu.url'))?.message).toBe('"url" must be a string, found 3');
    expect(report.errors.find((e) => e.location.endsWith('contact_entity_menu.icon'))?.message).toBe('"icon" is missing; expected a string');
    expect(brief(report.warnings)).toContain('manifest-schema manifest.json product.freshworks_crm.events.onAppInstall.extra');
  });

  it('warns on keys the platform does not know', async () => {
    const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { 'platfrom-version': '2.1', 'product.freshsales.locations': {} } } });
    expect(brief(report.warnings)).toEqual(['manifest-schema manifest.json platfrom-version', 'manifest-schema manifest.json product.freshsales.locations']);
    expect(report.ok).toBe(true);
  });

  it('holds each key to the version that introduced it', async () => {
    const report = await validateFixture('omni-2.1', {
      set: { 'manifest.json': { 'product.freshworks_crm.functions': { listCalls: {} }, 'product.freshworks_crm.requests': { x: {} } } },
    });
    expect(report.errors.map((e) => e.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^functions in the manifest needs platform-version 2.2 or later/),
      expect.stringMatching(/^requests in the manifest needs platform-version 2.3 or later/),
    ]));
    const twoOh = await validateFixture('samples/airtable-sync', { set: { 'manifest.json': { 'product.freshsales.events': { onLeadCreate: { handler: 'onLeadCreateHandler' } } } } });
    expect(twoOh.errors[0]?.message).toMatch(/^events in the manifest needs platform-version 2.1 or later .* exports\.events$/);
  });

  it('refuses an omni app on 2.0', async () => {
    const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { 'platform-version': '2.0', 'product.freshworks_crm.events': undefined, 'product.freshsales.events': undefined } } });
    expect(brief(report.errors)).toContain('manifest-omni manifest.json product');
  });

  it('checks function names and timeouts', async () => {
    const report = await validateFixture('smi-2.2', { set: { 'manifest.json': { 'product.freshworks_crm.functions.logCall': { timeout: 60 }, 'product.freshworks_crm.functions.9lives': {} } } });
    expect(brief(report.errors)).toEqual(expect.arrayContaining([
      'manifest-schema manifest.json product.freshworks_crm.functions.logCall.timeout',
      'smi-function manifest.json product.freshworks_crm.functions["9lives"]',
    ]));
  });

  it('checks engines and dependencies', async () => {
    const report = await validateFixture('smi-2.2', { set: { 'manifest.json': { engines: { node: 18 }, 'dependencies.lodash': 4 } } });
    expect(brief(report.errors)).toEqual(expect.arrayContaining(['manifest-engines manifest.json engines.node', 'manifest-engines manifest.json engines.fdk', 'manifest-schema manifest.json dependencies.lodash']));
  });

  it('requires request template declarations to be empty objects', async () => {
    const report = await validateFixture('templates-2.3', { set: { 'manifest.json': { 'product.freshsales.requests.getContact': 'yes', 'product.freshsales.requests.validateKey': { timeout: 1 } } } });
    expect(brief(report.errors)).toContain('manifest-schema manifest.json product.freshsales.requests.getContact');
    expect(brief(report.warnings)).toContain('manifest-schema manifest.json product.freshsales.requests.validateKey.timeout');
  });
});

describe('whitelisted-domains', () => {
  it('accepts origins, including templated ones, before 2.3', async () => {
    const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { 'whitelisted-domains': ['https://<%= iparam.domain %>', 'http://localhost:8080'] } } });
    expect(report.errors).toEqual([]);
  });

  it('rejects entries that are not origins', async () => {
    const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { 'whitelisted-domains': ['api.aircall.io', 'https://x.io/v1/calls', 7] } } });
    expect(brief(report.errors)).toEqual(['whitelisted-domains manifest.json whitelisted-domains[0]', 'whitelisted-domains manifest.json whitelisted-domains[1]', 'whitelisted-domains manifest.json whitelisted-domains[2]']);
    const notAList = await validateFixture('omni-2.1', { set: { 'manifest.json': { 'whitelisted-domains': 'https://x.io' } } });
    expect(brief(notAList.errors)).toEqual(['whitelisted-domains manifest.json whitelisted-domains']);
  });

  it('rejects whitelisted-domains on 2.3 and 3.x', async () => {
    for (const base of ['templates-2.3', 'modules-3.0']) {
      const report = await validateFixture(base, { set: { 'manifest.json': { 'whitelisted-domains': [] } } });
      expect(report.errors.map((e) => e.message), base).toEqual([expect.stringContaining('declare each host in a request template')]);
    }
  });
});

describe('platform 3.x', () => {
  it('checks the modules structure', async () => {
    const report = await validateFixture('modules-3.0', {
      set: { 'manifest.json': { 'modules.contact': { requests: { x: {} }, functions: { y: {} } }, product: {} } },
    });
    expect(brief(report.errors)).toEqual(expect.arrayContaining([
      'manifest-schema manifest.json product',
      'manifest-schema manifest.json modules.contact.requests',
      'manifest-schema manifest.json modules.contact.functions',
    ]));
  });

  it('needs a module apart from common, and modules at all', async () => {
    const alone = await validateFixture('modules-3.0', { set: { 'manifest.json': { 'modules.contact': undefined } } });
    expect(alone.errors.map((e) => e.message)).toContainEqual(expect.stringContaining('common cannot stand alone'));
    const none = await validateFixture('modules-3.0', { set: { 'manifest.json': { modules: undefined } } });
    expect(brief(none.errors)).toContain('manifest-schema manifest.json modules');
    expect(none.products).toEqual([]);
  });

  it('recognises 3.x versions and reports module names as products', async () => {
    const report = await validateFixture('modules-3.0', { set: { 'manifest.json': { 'platform-version': '3.1' } } });
    expect(report).toMatchObject({ ok: true, platformVersion: '3.1', products: ['common', 'contact'] });
  });
});
