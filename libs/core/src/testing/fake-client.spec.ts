import { describe, expect, it, vi } from 'vitest';
import type { CallingEventData, ClientEvent } from '../platform/client';
import { createFakePlatform } from './fake-client';

describe('createFakePlatform: clients', () => {
  it('renders the app in a placeholder of a product, with its productContext', () => {
    const platform = createFakePlatform();
    expect(platform.client().context.productContext).toEqual({ name: 'freshworks_crm', url: 'https://sample.myfreshworks.com/crm' });
    const classic = platform.client({ location: 'lead_entity_menu', product: 'freshsales' });
    expect(classic.context.productContext).toEqual({ name: 'freshsales', url: 'https://sample.freshsales.io' });
    platform.setDomainName('acme.myfreshworks.com');
    expect(platform.client().context.productContext.url).toBe('https://acme.myfreshworks.com/crm');
    expect(createFakePlatform({ product: 'freshsales' }).client().context.productContext.name).toBe('freshsales');
  });

  it('refuses placeholders the product does not have', () => {
    expect(() => createFakePlatform().client({ location: 'lead_entity_menu' })).toThrow(
      'freshworks_crm has no placeholder "lead_entity_menu"; lead_entity_menu and left_nav_chat exist only in freshsales.',
    );
  });

  it('numbers instances like the platform and lists the active ones', async () => {
    const platform = createFakePlatform();
    const panel = platform.client({ location: 'contact_entity_menu' });
    platform.client({ location: 'left_nav_cti' });
    expect(platform.instances()).toEqual([
      { instanceId: '1', location: 'contact_entity_menu' },
      { instanceId: '2', location: 'left_nav_cti' },
    ]);
    await expect(panel.instance.get()).resolves.toEqual(platform.instances());
    expect(() => platform.instanceIdOf({} as typeof panel)).toThrow('This client was not created by this fake platform.');
  });
});

describe('createFakePlatform: events', () => {
  it('fires app.activated at every placeholder but not at modals', async () => {
    const platform = createFakePlatform();
    const contact = platform.client({ location: 'contact_entity_menu' });
    const phone = platform.client({ location: 'left_nav_cti' });
    await contact.interface.trigger('showModal', { title: 'Log a call', template: 'modal.html' });
    const heard: string[] = [];
    contact.events.on('app.activated', () => heard.push('contact'));
    phone.events.on('app.activated', () => heard.push('phone'));
    platform.lastModal().client.events.on('app.activated', () => heard.push('modal'));

    const emitted = platform.emit('app.activated');
    expect(heard).toEqual([]);
    await emitted;
    expect(heard).toEqual(['contact', 'phone']);
  });

  it('fires calling only at the phone app, with the number as event data', async () => {
    const platform = createFakePlatform();
    const contact = platform.client({ location: 'contact_entity_menu' });
    const phone = platform.client({ location: 'left_nav_cti' });
    const onContact = vi.fn();
    const numbers: CallingEventData[] = [];
    contact.events.on('calling', onContact);
    phone.events.on('calling', (event: ClientEvent<CallingEventData>) => numbers.push(event.helper.getData()));
    await platform.emit('calling', { phoneNumber: '+14155550123' });
    expect(numbers).toEqual([{ phoneNumber: '+14155550123' }]);
    expect(onContact).not.toHaveBeenCalled();
  });

  it('fires record updates at their page, or at the clients a test names, and waits for async listeners', async () => {
    const platform = createFakePlatform();
    const contact = platform.client({ location: 'contact_entity_menu' });
    const deal = platform.client({ location: 'deal_entity_menu' });
    const seen: string[] = [];
    contact.events.on('contact.update', () => seen.push('contact'));
    deal.events.on('contact.update', () => seen.push('deal'));
    // Apps register async listeners; emit waits for the promises they return.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    deal.events.on('app.deactivated', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push('deal deactivated');
    });
    await platform.emit('contact.update', { id: 1 });
    await platform.emit('contact.update', undefined, { to: deal });
    await platform.emit('app.deactivated', undefined, { to: [deal] });
    expect(seen).toEqual(['contact', 'deal', 'deal deactivated']);
  });

  it('refuses unknown events on both sides', async () => {
    const platform = createFakePlatform();
    expect(() => platform.client().events.on('ticket.update' as never, () => undefined)).toThrow(/unknown event "ticket.update"/);
    await expect(platform.emit('ticket.update' as never)).rejects.toThrow('emit: unknown event "ticket.update".');
  });
});

describe('createFakePlatform: data.get', () => {
  it('gives the logged-in user, the domain and the record of the page', async () => {
    const platform = createFakePlatform();
    const contact = platform.client({ location: 'contact_entity_menu' });
    const { loggedInUser } = await contact.data.get('loggedInUser');
    expect(loggedInUser).toMatchObject({ id: 42528, display_name: 'Joe Doe', language: 'en', work_number: null });
    await expect(contact.data.get('domainName')).resolves.toEqual({ domainName: 'sample.myfreshworks.com' });
    await expect(contact.data.get('currentEntityInfo')).resolves.toEqual({
      currentEntityInfo: { currentEntityId: 16000001, currentEntityType: 'contact' },
    });
    await expect(contact.data.get('contact')).resolves.toMatchObject({ contact: { id: 16000001, display_name: 'Jane Sample' } });
  });

  it('gives what a test set, as copies', async () => {
    const platform = createFakePlatform();
    const deal = platform.client({ location: 'deal_entity_menu' });
    const record = { id: 77, name: 'Big deal', contact_ids: [1, 2] };
    platform.setRecord('deal', record);
    record.name = 'changed after';
    platform.setLoggedInUser({ display_name: 'Ana Rep' });
    const first = await deal.data.get('deal');
    first.deal.name = 'mutated by the app';
    await expect(deal.data.get('deal')).resolves.toEqual({ deal: { id: 77, name: 'Big deal', contact_ids: [1, 2] } });
    await expect(deal.data.get('currentEntityInfo')).resolves.toEqual({ currentEntityInfo: { currentEntityId: 77, currentEntityType: 'deal' } });
    await expect(deal.data.get('loggedInUser')).resolves.toMatchObject({ loggedInUser: { id: 42528, display_name: 'Ana Rep' } });
  });

  it('gives modals the page of the instance that opened them', async () => {
    const platform = createFakePlatform();
    await platform.client({ location: 'sales_account_entity_menu' }).interface.trigger('showModal', { title: 'Calls', template: 'modal.html' });
    await expect(platform.lastModal().client.data.get('sales_account')).resolves.toMatchObject({ sales_account: { name: 'Sample Account Inc.' } });
  });

  it('rejects like the platform: unknown objects, records of another page, leads outside Freshsales', async () => {
    const platform = createFakePlatform();
    const contact = platform.client({ location: 'contact_entity_menu' });
    const phone = platform.client({ location: 'left_nav_cti' });
    await expect(contact.data.get('ticket' as never)).rejects.toEqual({
      status: 400,
      message: expect.stringContaining('data.get: unknown data object "ticket"') as unknown,
      errorSource: 'APP',
    });
    await expect(contact.data.get('deal')).rejects.toMatchObject({ status: 400, message: 'data.get("deal") works on the deal page; this instance is in contact_entity_menu.' });
    await expect(phone.data.get('currentEntityInfo')).rejects.toMatchObject({ status: 400 });
    await expect(contact.data.get('lead')).rejects.toMatchObject({ status: 400, message: expect.stringContaining('only in Freshsales') as unknown });

    const lead = createFakePlatform({ product: 'freshsales' }).client({ location: 'lead_entity_menu' });
    await expect(lead.data.get('lead')).resolves.toMatchObject({ lead: { display_name: 'Leo Lead' } });
    await expect(lead.data.get('domainName')).resolves.toEqual({ domainName: 'sample.freshsales.io' });
  });
});
