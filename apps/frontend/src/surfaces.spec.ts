import { callbridgeModal } from '@callbridge/contracts';
import { createMessenger } from '@callbridge/core';
import { createFakePlatform, type FakePlatform } from '@callbridge/core/testing';
import { setLanguage } from '@callbridge/ui';
import { click, deepText, findAll, render, settle } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './modal/modal-root';
import './phone/phone-app';
import { phoneMessages } from '@callbridge/contracts';
import { contactProfile } from './record-panel/profiles/contact';
import { salesAccountProfile } from './record-panel/profiles/sales-account';
import './record-panel/record-panel';
import { hostOf, sampleCall, sampleMatch } from './testing';

let platform: FakePlatform;

beforeEach(() => {
  platform = createFakePlatform({ product: 'freshsales' });
  platform.install({ iparams: { placeholder_type_classic: 'lead' } });
  platform.onInvoke('listCalls', () => ({ calls: [sampleCall({ target: { type: 'contact', id: 1, name: 'Jane' } })], summary: { thisWeek: 1, lastContactedAt: null } }));
  platform.onInvoke('openDeals', () => ({ deals: [{ id: 31, name: 'Renewal' }] }));
  platform.onInvoke('findByPhone', (payload) => ({ matches: payload.phone === '+14155550123' ? [sampleMatch(), sampleMatch({ id: 2, type: 'lead', name: 'Leo' })] : [] }));
});

afterEach(() => {
  document.body.replaceChildren();
  setLanguage('en');
});

/** What a screen reader announces for a control: its label, aria-label or text. */
function accessibleName(control: HTMLElement): string {
  const labelled = (control as HTMLInputElement).labels?.[0]?.textContent ?? '';
  return (control.getAttribute('aria-label') ?? (labelled || deepText(control))).trim();
}

/** Every control has a name, and the text shows no catalogue key (a string group a component forgot to add). */
function checkSurface(root: HTMLElement) {
  const controls = findAll(root, 'button, input:not([type="radio"]), select, textarea');
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) expect({ control: control.outerHTML.slice(0, 80), name: accessibleName(control) }).toMatchObject({ name: expect.stringMatching(/\S/) as unknown });
  for (const radio of findAll<HTMLInputElement>(root, 'input[type="radio"]')) expect(radio.closest('fieldset')?.querySelector('legend')?.textContent).toBeTruthy();
  expect(deepText(root)).not.toMatch(/\b(?:calls|numbers|dial|log|summary|form|phone|create|type|error|direction)\.[a-zA-Z_]+\b/);
}

async function waitFor(root: HTMLElement, text: string) {
  await vi.waitFor(() => expect(deepText(root)).toContain(text));
  await settle(root);
}

describe('every surface', () => {
  it.each([
    ['contact', contactProfile, 'contact_entity_menu'],
    ['account', salesAccountProfile, 'sales_account_entity_menu'],
  ] as const)('the %s panel', async (_name, profile, location) => {
    const { host } = await hostOf(platform, { location });
    const panel = await render('cb-record-panel', { host, profile });
    await platform.emit('app.activated');
    await waitFor(panel, 'Recent calls');
    checkSurface(panel);
  });

  it.each([
    ['log-call', { form: 'log-call', target: { type: 'contact', id: 1, name: 'Jane' }, deals: [{ id: 31, name: 'Renewal' }] }, 'Related deal'],
    ['create-contact', { form: 'create-contact', phone: '+14155550199', defaultName: 'Unknown caller', allowedTypes: ['lead', 'contact'] }, 'Create as'],
  ] as const)('the %s modal', async (_name, data, text) => {
    const { host: opener } = await hostOf(platform, { location: 'contact_entity_menu' });
    void opener.openModal(callbridgeModal, { title: 'Callbridge', data: structuredClone(data) as never });
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    const { host } = await hostOf(platform, platform.lastModal().client);
    const root = await render('cb-modal-root', { host });
    await waitFor(root, text);
    checkSurface(root);
  });

  it('the phone app: dial pad, caller, unknown caller and log form', async () => {
    const { host, client } = await hostOf(platform, { location: 'left_nav_cti' });
    const messenger = createMessenger(client, phoneMessages);
    const phone = await render('cb-phone-app', { host, onIncoming: (listener) => messenger.onBroadcast('call.incoming', listener) });
    checkSurface(phone);
    const other = createMessenger(platform.client({ location: 'contact_entity_menu' }), phoneMessages);
    await other.broadcast('call.incoming', { phone: '+14155550123' });
    await waitFor(phone, 'Leo');
    checkSurface(phone);
    await click(phone, 'Call ended: log it');
    await waitFor(phone, 'Log against');
    checkSurface(phone);
    await click(phone, 'Cancel');
    await other.broadcast('call.incoming', { phone: '+14155550199' });
    await waitFor(phone, 'No contact or lead has this number.');
    checkSurface(phone);
  });
});
