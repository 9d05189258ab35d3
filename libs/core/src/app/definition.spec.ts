import { describe, expect, it } from 'vitest';
import { AppDefinitionError, checkAppDefinition, defineApp, productView, type AppDefinition, type FrontendPart, type ServerlessPart } from './definition';

const meta = { name: 'callbridge', description: 'Phone companion', platformVersion: '2.1', products: ['freshworks_crm', 'freshsales'] } as const;

const frontend: FrontendPart = {
  placeholders: [
    { placeholder: 'contact_entity_menu', entry: 'contact', icon: 'phone.svg', products: ['freshworks_crm', 'freshsales'] },
    { placeholder: 'lead_entity_menu', entry: 'lead', icon: 'phone.svg', products: ['freshsales'] },
  ],
  modals: [{ name: 'modal', entry: 'modal' }],
};

const serverless: ServerlessPart = {
  events: [
    { event: 'onContactCreate', handler: 'onContactCreate', products: ['freshworks_crm', 'freshsales'] },
    { event: 'onLeadCreate', handler: 'onLeadCreate', products: ['freshsales'] },
  ],
  functions: [{ name: 'findByPhone', timeout: 10, products: ['freshworks_crm', 'freshsales'] }],
  requestTemplates: [{ name: 'aircallListCalls' }],
  iparams: {},
};

describe('defineApp', () => {
  it('merges the projects\' parts into one app', () => {
    const app = defineApp(meta, frontend, serverless);
    expect(app.placeholders).toHaveLength(2);
    expect(app.events).toHaveLength(2);
  });

  it('lists every problem at once, naming each part', () => {
    const broken: AppDefinition = {
      ...meta,
      ...frontend,
      ...serverless,
      products: ['freshworks_crm'],
      placeholders: [
        { placeholder: 'lead_entity_menu', entry: 'lead', icon: 'lead.png', products: ['freshworks_crm'] },
        { placeholder: 'deal_entity_menu', entry: 'deal', icon: 'd.svg', products: [] },
        { placeholder: 'contact_entity_menu', entry: 'a', icon: 'a.svg', products: ['freshworks_crm'] },
        { placeholder: 'contact_entity_menu', entry: 'b', icon: 'b.svg', products: ['freshworks_crm', 'freshsales'] },
      ],
      modals: [{ name: 'Log Call', entry: 'modal' }, { name: 'x', entry: 'x' }, { name: 'x', entry: 'y' }],
      events: [
        { event: 'onLeadCreate', handler: 'on-lead', products: ['freshworks_crm'] },
        { event: 'onContactCreate', handler: 'a', products: ['freshworks_crm'] },
        { event: 'onContactCreate', handler: 'b', products: ['freshworks_crm'] },
      ],
      functions: [
        { name: '1bad', products: ['freshworks_crm'] },
        { name: 'slow', timeout: 60, products: ['freshworks_crm'] },
        { name: 'slow', products: ['freshworks_crm'] },
      ],
      requestTemplates: [{ name: 't' }, { name: 't' }],
      iparams: { token: { displayName: 'Token', type: 'dropdown' } },
    };
    expect(checkAppDefinition(broken)).toEqual([
      'placeholder lead_entity_menu: freshworks_crm has no such placeholder',
      'placeholder lead_entity_menu: icon "lead.png" must be an SVG file',
      'placeholder deal_entity_menu: lists no product',
      'placeholder contact_entity_menu: product "freshsales" is not one of the app\'s products (freshworks_crm)',
      'placeholder contact_entity_menu: defined twice for freshworks_crm',
      'modal "Log Call": names use lowercase letters, digits, - and _',
      'modal "x": defined twice',
      'event onLeadCreate: freshworks_crm does not fire this event',
      'event onLeadCreate: handler "on-lead" is not a valid function name',
      'event onContactCreate: registered twice for freshworks_crm',
      'server method "1bad": names match [A-Za-z_][A-Za-z0-9_]{1,39}',
      'server method "slow": timeout 60 must be whole seconds from 1 to 20',
      'server method "slow": defined twice',
      'request template "t": defined twice',
      'iparam "token": a dropdown needs options',
    ]);
    expect(() => defineApp({ ...meta, products: ['freshworks_crm'] }, frontend, serverless)).toThrow(AppDefinitionError);
  });

  it('refuses an app with no product or an unknown one', () => {
    expect(checkAppDefinition({ ...meta, ...frontend, ...serverless, placeholders: [], events: [], functions: [], products: [] })).toEqual([
      'products: the app targets no product',
    ]);
    expect(checkAppDefinition({ ...meta, ...frontend, ...serverless, placeholders: [], events: [], functions: [], products: ['freshdesk' as never] })).toEqual([
      'products: "freshdesk" is not a Freshworks CRM product',
    ]);
  });
});

describe('productView', () => {
  it('gives each product only its own placeholders and events', () => {
    const app = defineApp(meta, frontend, serverless);
    const crm = productView(app, 'freshworks_crm');
    expect(crm.placeholders.map((p) => p.placeholder)).toEqual(['contact_entity_menu']);
    expect(crm.events.map((e) => e.event)).toEqual(['onContactCreate']);
    expect(productView(app, 'freshsales').placeholders.map((p) => p.placeholder)).toEqual(['contact_entity_menu', 'lead_entity_menu']);
  });

  it('lists request templates only on platform 2.3', () => {
    expect(productView(defineApp(meta, frontend, serverless), 'freshsales').requestTemplates).toEqual([]);
    expect(productView(defineApp({ ...meta, platformVersion: '2.3' }, frontend, serverless), 'freshsales').requestTemplates).toEqual(['aircallListCalls']);
  });
});
