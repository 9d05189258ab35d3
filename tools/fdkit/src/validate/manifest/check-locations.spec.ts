import { afterAll, describe, expect, it } from 'vitest';
import { brief, removeApps, validateFixture } from '../../testing';

afterAll(removeApps);

const crmLocation = 'product.freshworks_crm.location.contact_entity_menu';

describe('location url', () => {
  it('accepts pages in subfolders of app/', async () => {
    const report = await validateFixture('omni-2.1', {
      files: { 'app/views/contact.html': '<script src="{{{appclient}}}"></script>' },
      set: { 'manifest.json': { [`${crmLocation}.url`]: 'views/contact.html' } },
    });
    expect(report.errors).toEqual([]);
  });

  it.each([
    ['missing.html', 'page app/missing.html does not exist'],
    ['../manifest.json', 'points outside app/'],
    ['../../x.html', 'points outside app/'],
    ['https://example.com/app.html', 'not a URL'],
  ])('rejects url %j', async (url, message) => {
    const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { [`${crmLocation}.url`]: url } } });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'location-url', location: `${crmLocation}.url`, message: expect.stringContaining(message) as string })]);
  });

  it('warns when a page does not load the client or is not HTML', async () => {
    const report = await validateFixture('omni-2.1', {
      files: { 'app/index.html': '<p>no client</p>', 'app/page.txt': 'text' },
      set: { 'manifest.json': { 'product.freshsales.location.lead_entity_menu.url': 'page.txt' } },
    });
    expect(brief(report.warnings)).toEqual(['template-client app/index.html', 'location-url app/page.txt']);
  });

  it('reports a page that is not text', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'app/index.html': new Uint8Array([0, 159, 146, 150]) } });
    expect(brief(report.errors)).toEqual(['file-unreadable app/index.html']);
  });
});

describe('location icon', () => {
  it('rejects a missing icon, naming the path it looked for', async () => {
    const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { [`${crmLocation}.icon`]: 'styles/images/icon.svg' } } });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'location-icon', message: expect.stringContaining('app/styles/images/icon.svg does not exist') as string })]);
  });

  it('requires SVG by name and by content', async () => {
    const report = await validateFixture('omni-2.1', {
      files: { 'app/icon.png': new Uint8Array([137, 80, 78, 71]), 'app/fake.svg': '<html></html>', 'app/binary.svg': new Uint8Array([0, 1, 2]) },
      set: { 'manifest.json': { [`${crmLocation}.icon`]: 'icon.png', 'product.freshworks_crm.location.left_nav_cti.icon': 'fake.svg', 'product.freshsales.location.lead_entity_menu.icon': 'binary.svg' } },
    });
    expect(brief(report.errors)).toEqual([`location-icon manifest.json ${crmLocation}.icon`, 'location-icon app/fake.svg', 'location-icon app/binary.svg']);
  });
});
