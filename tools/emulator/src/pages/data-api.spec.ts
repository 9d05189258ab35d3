import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/app-dir';
import { pagesHarness, type PagesHarness } from '../../test/support/pages-context';

let harness: PagesHarness;
beforeAll(async () => {
  harness = await pagesHarness({ appDir: `${FIXTURES}every-method` });
});
afterAll(() => harness.close());

const ask = async (body: unknown) => {
  const response = await harness.fetch('/_fdk/api/data', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const onContact = { product: 'freshworks_crm', location: 'contact_entity_menu', entityType: 'contact', recordId: 101 };

describe('data API', () => {
  it('answers the global objects anywhere', async () => {
    expect((await ask({ product: 'freshworks_crm', name: 'domainName', location: 'left_nav_cti' })).body).toEqual({ domainName: 'acme.myfreshworks.com' });
    expect((await ask({ product: 'freshsales', name: 'domainName' })).body).toEqual({ domainName: 'acme.freshsales.io' });
    const user = (await ask({ product: 'freshworks_crm', name: 'loggedInUser' })).body.loggedInUser as Record<string, unknown>;
    expect(user).toMatchObject({ id: 1001, display_name: 'Riya Rep', email: 'riya@acme.example', is_active: true, account_id: Number('1967183444532229946') });
    expect((await ask({ product: 'freshsales', name: 'currentHost' })).body.currentHost).toMatchObject({ subscribed_modules: ['contact', 'deal', 'sales_account', 'lead'] });
  });

  it('answers the record and currentEntityInfo of the page', async () => {
    expect((await ask({ ...onContact, name: 'currentEntityInfo' })).body).toEqual({ currentEntityInfo: { currentEntityId: 101, currentEntityType: 'contact' } });
    expect((await ask({ ...onContact, name: 'contact' })).body.contact).toMatchObject({ id: 101, display_name: 'Ada Lovelace', mobile_number: '+14155550111' });
    const lead = await ask({ product: 'freshsales', location: 'lead_entity_menu', entityType: 'lead', recordId: 501, name: 'lead' });
    expect(lead.body.lead).toMatchObject({ display_name: 'Hedy Lamarr' });
  });

  it('answers the platform 400 for the wrong object, unknown objects and leads outside Freshsales', async () => {
    expect(await ask({ ...onContact, name: 'deal' })).toEqual({
      status: 400,
      body: { status: 400, message: 'data.get("deal") works in deal_entity_menu on a deal page; this instance is in contact_entity_menu.' },
    });
    expect((await ask({ product: 'freshworks_crm', name: 'currentEntityInfo', location: 'full_page_app' })).body.message).toMatch(/record pages only, not in full_page_app/);
    expect((await ask({ ...onContact, name: 'ticket' })).body.message).toMatch(/unknown data object "ticket"; known: loggedInUser/);
    expect((await ask({ ...onContact, name: 'lead' })).body.message).toMatch(/leads exist only in Freshsales Classic/);
    expect((await ask({ product: 'freshworks_crm', name: 'contact' })).body.message).toMatch(/this instance is in this location/);
  });

  it('answers 404 when the record went away, and 400 for a malformed question', async () => {
    expect((await ask({ ...onContact, recordId: 999, name: 'contact' })).status).toBe(404);
    expect((await ask({ product: 'freshdesk', name: 'domainName' })).body.message).toMatch(/product: must be freshworks_crm or freshsales/);
    expect((await ask({})).status).toBe(400);
    expect((await harness.fetch('/_fdk/api/data', { method: 'POST', body: 'nope' })).status).toBe(400);
  });
});
