import { afterAll, describe, expect, it } from 'vitest';
import { brief, removeApps, validateFixture } from '../../testing';

afterAll(removeApps);

describe('placeholder names', () => {
  it('accepts each product\'s own placeholders', async () => {
    const report = await validateFixture('omni-2.1', {
      set: { 'manifest.json': { 'product.freshsales.location.left_nav_chat': { url: 'index.html', icon: 'icon.svg' }, 'product.freshworks_crm.location.full_page_app': { url: 'index.html', icon: 'icon.svg' } } },
    });
    expect(report.errors).toEqual([]);
  });

  it('rejects a placeholder the product does not have', async () => {
    const report = await validateFixture('omni-2.1', {
      set: { 'manifest.json': { 'product.freshsales.location.foo': { url: 'index.html', icon: 'icon.svg' }, 'product.freshworks_crm.location.lead_entity_menu': { url: 'index.html', icon: 'icon.svg' } } },
    });
    expect(brief(report.errors)).toEqual(['placeholder manifest.json product.freshworks_crm.location.lead_entity_menu', 'placeholder manifest.json product.freshsales.location.foo']);
    expect(report.errors[1]?.message).toMatch(/^"foo" is not a Freshsales Classic placeholder; use one of: contact_entity_menu, /);
  });

  it('only warns for products whose lists fdkit holds in part', async () => {
    const report = await validateFixture('omni-2.1', {
      set: { 'manifest.json': { product: { freshdesk: { location: { ticket_sidebar: { url: 'index.html', icon: 'icon.svg' }, shiny_new_place: { url: 'index.html', icon: 'icon.svg' } } } } } },
    });
    expect(report.errors).toEqual([]);
    expect(brief(report.warnings)).toEqual(['placeholder manifest.json product.freshdesk.location.shiny_new_place']);
  });

  it('warns about a product it does not know and checks nothing of it', async () => {
    const report = await validateFixture('omni-2.1', { set: { 'manifest.json': { product: { freshsales_suite: { location: { anything: { url: 'index.html', icon: 'icon.svg' } } }, freshchat: {} } } } });
    expect(brief(report.warnings)).toEqual(['unknown-product manifest.json product.freshsales_suite']);
    expect(report.warnings[0]?.message).toContain('unknown product "freshsales_suite"');
    expect(report.errors).toEqual([]);
  });
});

describe('event names', () => {
  it('accepts app events everywhere and product events per product', async () => {
    const report = await validateFixture('omni-2.1', {
      set: { 'manifest.json': { 'product.freshsales.events.onLeadDelete': { handler: 'onRecordCreateHandler' }, 'product.freshworks_crm.events.onScheduledEvent': { handler: 'onRecordCreateHandler' } } },
    });
    expect(report.errors).toEqual([]);
  });

  it('rejects events a product does not fire, with a hint for leads on Freshworks CRM', async () => {
    const report = await validateFixture('omni-2.1', {
      set: { 'manifest.json': { 'product.freshworks_crm.events.onLeadCreate': { handler: 'onRecordCreateHandler' }, 'product.freshsales.events.onTicketCreate': { handler: 'onRecordCreateHandler' } } },
    });
    expect(brief(report.errors)).toEqual(['event-name manifest.json product.freshworks_crm.events.onLeadCreate', 'event-name manifest.json product.freshsales.events.onTicketCreate']);
    expect(report.errors[0]?.message).toContain('leads exist only in Freshsales Classic');
  });

  it('checks only the shape of event names where the list is unknown', async () => {
    const report = await validateFixture('omni-2.1', {
      set: { 'manifest.json': { product: { freshdesk: { events: { onTicketCreate: { handler: 'onRecordCreateHandler' }, ticketCreated: { handler: 'onRecordCreateHandler' } } } } } },
    });
    expect(brief(report.errors)).toEqual(['event-name manifest.json product.freshdesk.events.ticketCreated']);
  });
});
