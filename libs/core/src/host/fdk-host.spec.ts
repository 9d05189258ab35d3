import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineServerMethodContract } from '../app/server-method';
import { defineMessages } from '../messaging/contract';
import { defineModal } from '../messaging/modal-contract';
import type { PlatformApp, PlatformClient } from '../platform/client';
import { createFakePlatform } from '../testing/fake-client';
import { createFdkHost, HostError } from './fdk-host';
import { ServerMethodError } from './port';

const appOf = (client: PlatformClient): PlatformApp => ({ initialized: () => Promise.resolve(client) });

const findByPhone = defineServerMethodContract({
  name: 'findByPhone',
  input: z.object({ phone: z.string().min(5) }),
  output: z.object({ matches: z.array(z.object({ id: z.number(), name: z.string() })) }),
});

describe('createFdkHost', () => {
  it('explains a missing platform client and an unknown product', async () => {
    await expect(createFdkHost(undefined)).rejects.toThrow(HostError);
    const client = createFakePlatform().client();
    const foreign = { ...client, context: { productContext: { name: 'freshdesk' } } } as unknown as PlatformClient;
    await expect(createFdkHost(appOf(foreign))).rejects.toThrow('not in "freshdesk"');
  });

  it('knows the product, the record on the page and the rep', async () => {
    const platform = createFakePlatform({ product: 'freshsales' });
    platform.setRecord('contact', { id: 42, display_name: 'Ada Lovelace', mobile_number: '+14155550111' });
    platform.setLoggedInUser({ id: 7, display_name: 'Riya Rep', email: 'riya@acme.example', language: 'fr' });
    const host = await createFdkHost(appOf(platform.client({ location: 'contact_entity_menu', product: 'freshsales' })));
    expect(host.product).toBe('freshsales');
    expect(await host.currentRecord()).toEqual({ type: 'contact', id: 42 });
    expect((await host.record('contact')).display_name).toBe('Ada Lovelace');
    expect(await host.user()).toEqual({ id: 7, name: 'Riya Rep', email: 'riya@acme.example', language: 'fr' });
  });

  it('has no current record in the phone app', async () => {
    const platform = createFakePlatform();
    const host = await createFdkHost(appOf(platform.client({ location: 'left_nav_cti' })));
    expect(await host.currentRecord()).toBeUndefined();
  });

  it('passes activation and calling events to listeners until they stop listening', async () => {
    const platform = createFakePlatform();
    const panel = platform.client({ location: 'contact_entity_menu' });
    const phone = platform.client({ location: 'left_nav_cti' });
    const host = await createFdkHost(appOf(panel));
    const phoneHost = await createFdkHost(appOf(phone));
    const activated = vi.fn();
    const deactivated = vi.fn();
    const stop = host.onActivated(activated);
    host.onDeactivated(deactivated);
    const calls: string[] = [];
    phoneHost.onCalling((n) => calls.push(n));
    await platform.emit('app.activated', undefined, { to: panel });
    await platform.emit('app.deactivated', undefined, { to: panel });
    stop();
    await platform.emit('app.activated', undefined, { to: panel });
    expect(activated).toHaveBeenCalledTimes(1);
    expect(deactivated).toHaveBeenCalledTimes(1);
    await platform.emit('calling', { phoneNumber: '+14155550111' }, { to: phone });
    await platform.emit('calling', { number: ' +442079460131 ' }, { to: phone });
    await platform.emit('calling', {}, { to: phone });
    expect(calls).toEqual(['+14155550111', '+442079460131']);
  });

  it('calls server methods by contract and parses both ways', async () => {
    const platform = createFakePlatform();
    platform.onInvoke('findByPhone', (payload) => ({ matches: [{ id: 1, name: `match for ${JSON.stringify(payload.phone)}` }] }));
    const host = await createFdkHost(appOf(platform.client()));
    expect(await host.callServer(findByPhone, { phone: '+14155550111' })).toEqual({ matches: [{ id: 1, name: 'match for "+14155550111"' }] });
    await expect(host.callServer(findByPhone, { phone: '1' })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('phone') as unknown });
  });

  it('turns server method failures and odd answers into ServerMethodError', async () => {
    const platform = createFakePlatform();
    // The platform rejects with plain objects, not Errors: the handler answered renderData({status, message}).
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    platform.onInvoke('findByPhone', () => Promise.reject({ status: 422, message: 'Number is not valid' }));
    const host = await createFdkHost(appOf(platform.client()));
    await expect(host.callServer(findByPhone, { phone: '+14155550111' })).rejects.toEqual(new ServerMethodError('findByPhone', 422, 'Number is not valid'));
    platform.onInvoke('findByPhone', () => ({ unexpected: true }));
    await expect(host.callServer(findByPhone, { phone: '+14155550111' })).rejects.toMatchObject({ status: 502 });
    platform.onInvoke('findByPhone', () => JSON.stringify({ matches: [] }));
    expect(await host.callServer(findByPhone, { phone: '+14155550111' })).toEqual({ matches: [] });
  });

  it('opens a modal and gets its typed result', async () => {
    const platform = createFakePlatform();
    const host = await createFdkHost(appOf(platform.client()));
    const logCall = defineModal({ template: 'modal.html', input: z.object({ contactId: z.number() }), result: z.object({ logged: z.boolean() }) });
    const result = host.openModal(logCall, { title: 'Log a call', data: { contactId: 5 } });
    await vi.waitFor(() => platform.lastModal());
    const modalHost = await createFdkHost(appOf(platform.lastModal().client));
    const session = await modalHost.modalSession(logCall);
    expect(session.input).toEqual({ contactId: 5 });
    await session.resolve({ logged: true });
    expect(await result).toEqual({ logged: true });
  });

  it('notifies, shows records and the phone app, resizes and reads public iparams', async () => {
    const platform = createFakePlatform();
    platform.install({ iparams: { crm_domain: 'acme', token: 'secret' }, secure: ['token'] });
    const client = platform.client();
    const host = await createFdkHost(appOf(client));
    await host.notify('success', 'Call logged');
    await host.notify('danger', 'Could not log');
    await host.showRecord('contact', 5);
    await host.showPhoneApp();
    await host.resize(400);
    expect(platform.notifications.map((n) => [n.type, n.title, n.message])).toEqual([
      ['success', 'Callbridge', 'Call logged'],
      ['danger', 'Error', 'Could not log'],
    ]);
    expect(platform.triggers.map((t) => t.action)).toEqual(expect.arrayContaining(['show']));
    expect(platform.heightOf(client)).toBe(400);
    expect(await host.iparams.get()).toEqual({ crm_domain: 'acme' });
  });

  it('exchanges typed broadcasts with the app\'s other instances', async () => {
    const platform = createFakePlatform();
    const panel = await createFdkHost(appOf(platform.client({ location: 'contact_entity_menu' })));
    const phone = await createFdkHost(appOf(platform.client({ location: 'left_nav_cti' })));
    const contract = defineMessages({ 'call.incoming': v.object({ phone: v.string() }) });
    const heard: string[] = [];
    (await phone.messenger(contract)).onBroadcast('call.incoming', (payload) => heard.push(payload.phone));
    await (await panel.messenger(contract)).broadcast('call.incoming', { phone: '+14155550111' });
    await vi.waitFor(() => expect(heard).toEqual(['+14155550111']));
  });
});
