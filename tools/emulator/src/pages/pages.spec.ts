import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/app-dir';
import { pagesHarness, type PagesHarness } from '../../test/support/pages-context';

let harness: PagesHarness;
const text = async (path: string) => {
  const response = await harness.fetch(path);
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
};

beforeAll(async () => {
  harness = await pagesHarness({ appDir: `${FIXTURES}every-method` });
});
afterAll(() => harness.close());

describe('home page', () => {
  it('lists the seeded records of the default product with links to their pages', async () => {
    const { status, body } = await text('/');
    expect(status).toBe(200);
    expect(body).toContain('Freshworks CRM');
    expect(body).toContain('<a href="/freshworks_crm/contacts/101" data-spa>Ada Lovelace</a>');
    expect(body).toContain('Globex renewal 2027');
    expect(body).toContain('Globex Corporation');
    expect(body).not.toContain('id="leads"');
    expect(body).not.toContain('data-testid="findings"');
  });

  it('lists leads in Freshsales only, and shows where the app appears', async () => {
    const { body } = await text('/freshsales');
    expect(body).toContain('id="leads"');
    expect(body).toContain('Hedy Lamarr');
    expect(body).toContain('<code>lead_entity_menu</code>');
    expect(body).toContain('Not installed.');
  });

  it('has a product switcher and the host script with the page state', async () => {
    const { body } = await text('/freshsales');
    expect(body).toMatch(/<a href="\/freshworks_crm" class="" title="Freshworks CRM" data-product="freshworks_crm">/);
    expect(body).toMatch(/class="current" title="Freshsales Classic"/);
    expect(body).toContain('<script type="application/json" id="fdk-page">{"product":"freshsales","view":"home"');
    expect(body).toContain('<script src="/_fdk/host.js"></script>');
    expect(body).not.toContain('data-fdk-dock="left_nav_cti"');
    expect((await text('/freshworks_crm')).body).toContain('data-fdk-dock="left_nav_cti"');
  });

  it('opens the phone panel from /<product>/phone', async () => {
    expect((await text('/freshworks_crm/phone')).body).toContain('"openPhone":true');
  });
});

describe('record pages', () => {
  it('show the record with click-to-call numbers and the entity menu minimized in INTEGRATIONS', async () => {
    const { status, body } = await text('/freshworks_crm/contacts/101');
    expect(status).toBe(200);
    expect(body).toContain('<h1 data-testid="record-name">Ada Lovelace</h1>');
    expect(body).toContain('<a href="tel:+14155550111" data-fdk-call="+14155550111"');
    expect(body).toContain('<p class="section-label">Integrations</p>');
    expect(body).toContain('data-placeholder="contact_entity_menu" data-url="/_app/freshworks_crm/index.html" data-expanded="false"');
    expect(body).toContain('<div class="fdk-panel-body" hidden></div>');
    expect(body).toMatch(/"view":"record".*"entityType":"contact","recordId":101/);
    expect(body).toContain('data-testid="next">Grace Hopper ›</a>');
    expect(body).toContain('Globex renewal 2027');
  });

  it('render deals, sales accounts and Freshsales leads, and say when the app has no placeholder there', async () => {
    expect((await text('/freshworks_crm/deals/401')).body).toContain('data-placeholder="deal_entity_menu"');
    const account = await text('/freshworks_crm/sales_accounts/302');
    expect(account.body).toContain('data-placeholder="sales_account_entity_menu"');
    expect(account.body).toContain('Alan Turing');
    const lead = await text('/freshsales/leads/501');
    expect(lead.status).toBe(200);
    expect(lead.body).toContain('data-placeholder="lead_entity_menu"');
    expect((await text('/freshsales/deals/401')).body).toContain('The app has no <code>deal_entity_menu</code> placeholder in freshsales.');
  });

  it('answer a 404 page for leads in Freshworks CRM, unknown ids and unknown products', async () => {
    const lead = await text('/freshworks_crm/leads/501');
    expect(lead.status).toBe(404);
    expect(lead.body).toContain('Leads exist only in Freshsales Classic');
    expect((await text('/freshworks_crm/contacts/999')).status).toBe(404);
    expect((await text('/freshworks_crm/contacts/abc')).body).toContain('There is no contact abc');
    expect((await text('/custom_configs?product=freshdesk')).status).toBe(404);
  });

  it('switch product to the same record when it exists there', async () => {
    expect((await text('/freshsales/contacts/101')).body).toContain('href="/freshworks_crm/contacts/101"');
    expect((await text('/freshsales/leads/501')).body).toContain('href="/freshworks_crm" class=""');
  });
});

describe('full-page app', () => {
  it('frames the full_page_app placeholder, or says it has none', async () => {
    const page = await text('/freshworks_crm/apps/full_page_app');
    expect(page.body).toContain('data-placeholder="full_page_app" data-url="/_app/freshworks_crm/full.html"');
    expect((await text('/freshsales/apps/full_page_app')).status).toBe(404);
  });
});

describe('scripts, styles and app files', () => {
  it('serves the bundled client and host, and the stylesheets', async () => {
    for (const path of ['/_fdk/client.js', '/_fdk/freshsales/client.js', '/_fdk/freshsales/install/client.js', '/_fdk/host.js', '/_fdk/iparams-form.js']) {
      const script = await text(path);
      expect(script.type, path).toMatch(/text\/javascript/);
      expect(script.body.length, path).toBeGreaterThan(1000);
    }
    expect((await text('/_fdk/client.js')).body).toContain('fdk-emulator');
    expect((await text('/_fdk/emulator.css')).type).toMatch(/text\/css/);
    expect((await text('/_fdk/assets/freshworks.css')).body).toContain('.fs-widget-wrapper');
  });

  it('serves app templates with the client rewritten, and refuses traversal', async () => {
    const index = await text('/_app/freshworks_crm/index.html');
    expect(index.body).toContain('<script src="/_fdk/freshworks_crm/client.js"></script>');
    expect(index.body).toContain('href="/_fdk/assets/freshworks.css"');
    expect((await text('/_app/freshsales/cti.html')).body).toContain('<script src="/_fdk/freshsales/client.js"></script>');
    // The URL parser already folds an encoded `..` segment; nothing outside app/ is reachable either way.
    expect((await text('/_app/freshworks_crm/%2e%2e/manifest.json')).status).toBe(404);
    expect((await text('/_app/freshworks_crm/..%2Fmanifest.json')).status).toBe(403);
    expect((await text('/_app/freshdesk/index.html')).status).toBe(404);
    expect((await text('/_config/freshsales/iparams.json')).status).toBe(404);
    expect((await text('/_config/freshdesk/iparams.html')).status).toBe(404);
  });
});

describe('live channel', () => {
  it('tells open pages to reload when the app folder reloads, and about record changes', async () => {
    const since = (await text('/')).body.match(/"liveSince":(\d+)/)![1];
    const pending = harness.fetch(`/_fdk/live?since=${since}`);
    harness.reload();
    expect(await (await pending).text()).toContain('event: reload');
    harness.context.store.update('freshworks_crm', 'contacts', 102, { job_title: 'Admiral' });
    const record = await (await harness.fetch('/_fdk/live', { headers: { 'last-event-id': String(Number(since) + 1) } })).text();
    expect(record).toContain('event: record\ndata: {"product":"freshworks_crm","entity":"contacts","id":102,"action":"update"}');
  });
});
