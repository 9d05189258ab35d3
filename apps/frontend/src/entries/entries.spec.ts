import { createMessenger, type PlatformApp, type PlatformClient } from '@callbridge/core';
import { createFakePlatform, type FakeClientOptions, type FakePlatform } from '@callbridge/core/testing';
import { callbridgeModal } from '@callbridge/contracts';
import { setLanguage } from '@callbridge/ui';
import { deepText, find } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { phoneMessages } from '@callbridge/contracts';
import { deferred, sampleCall } from '../testing';

let platform: FakePlatform;

beforeEach(() => {
  platform = createFakePlatform({ product: 'freshsales' });
  platform.onInvoke('listCalls', () => ({ calls: [sampleCall({ notes: 'From the entry' })] }));
  platform.onInvoke('openDeals', () => ({ deals: [] }));
  platform.onInvoke('findByPhone', () => ({ matches: [] }));
});

afterEach(() => {
  document.body.replaceChildren();
  setLanguage('en');
});

let run = 0;

/**
 * Runs an entry module again. Only the entry is re-evaluated (a query makes it a new module): the components it
 * registers stay the first ones defined, so everything else must stay the same module instances too.
 */
function runEntry(entry: string): Promise<unknown> {
  run += 1;
  return import(/* @vite-ignore */ `${new URL(`./${entry}.ts`, import.meta.url).href}?run=${run}`);
}

/** The page's `app` global, as the template's platform script defines it, for one placeholder of the fake. */
function serve(options: FakeClientOptions | PlatformClient): PlatformClient {
  const client = 'context' in options ? options : platform.client(options);
  vi.stubGlobal('app', { initialized: () => Promise.resolve(client) } satisfies PlatformApp);
  return client;
}

async function started(entry: string, tag: string): Promise<HTMLElement> {
  await runEntry(entry);
  await vi.waitFor(() => expect(document.querySelector(`.fs-widget-wrapper > ${tag}`)).not.toBeNull());
  return document.querySelector<HTMLElement>(tag)!;
}

const shows = (el: HTMLElement, text: string) => vi.waitFor(() => expect(deepText(el)).toContain(text));

describe('placeholder entries', () => {
  it.each([
    ['contact', 'contact_entity_menu'],
    ['lead', 'lead_entity_menu'],
    ['deal', 'deal_entity_menu'],
    ['sales-account', 'sales_account_entity_menu'],
  ] as const)('%s: loads the record once the rep opens the panel', async (entry, location) => {
    serve({ location });
    const panel = await started(entry, 'cb-record-panel');
    await platform.emit('app.activated');
    await shows(panel, 'From the entry');
  });

  it('contact: the name shows in the log form it opens', async () => {
    serve({ location: 'contact_entity_menu' });
    const panel = await started('contact', 'cb-record-panel');
    await platform.emit('app.activated');
    await shows(panel, 'From the entry');
    find<HTMLButtonElement>(panel, '.heading button').click();
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    expect(platform.lastModal().data).toMatchObject({ input: { target: { name: 'Jane Sample' } } });
  });

  it('modal: shows the form the opener asked for', async () => {
    const opener = platform.client({ location: 'contact_entity_menu' });
    const { createFdkHost } = await import('@callbridge/core');
    const host = await createFdkHost({ initialized: () => Promise.resolve(opener) });
    void host.openModal(callbridgeModal, { title: 'Create contact', data: { form: 'create-contact', phone: '+14155550199', defaultName: 'Unknown caller', allowedTypes: ['contact'] } });
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    serve(platform.lastModal().client);
    const root = await started('modal', 'cb-modal-root');
    await shows(root, 'For +14155550199');
  });

  it('phone: hears calls other instances announce', async () => {
    serve({ location: 'left_nav_cti' });
    const phone = await started('phone', 'cb-phone-app');
    const panel = createMessenger(platform.client({ location: 'contact_entity_menu' }), phoneMessages);
    // The phone app starts listening once its messaging code has loaded; announce until it hears.
    await vi.waitFor(async () => {
      await panel.broadcast('call.incoming', { phone: '+14155550199' });
      expect(deepText(phone)).toContain('Call from +14155550199');
    });
    await shows(phone, 'No contact or lead has this number.');
  });

  it('speaks the rep’s language', async () => {
    platform.setLoggedInUser({ language: 'fr' });
    serve({ location: 'contact_entity_menu' });
    const panel = await started('contact', 'cb-record-panel');
    await platform.emit('app.activated');
    await shows(panel, 'Appels récents');
  });

  it('starts loading while the rep’s language is read, and shows only once it speaks it', async () => {
    platform.setLoggedInUser({ language: 'fr' });
    const listCalls = vi.fn(() => ({ calls: [sampleCall({ notes: 'From the entry' })] }));
    platform.onInvoke('listCalls', listCalls);
    const client = platform.client({ location: 'contact_entity_menu' });
    const get = client.data.get.bind(client.data);
    const language = deferred<void>();
    vi.spyOn(client.data, 'get').mockImplementation(((name: Parameters<typeof get>[0]) =>
      name === 'loggedInUser' ? language.promise.then(() => get(name)) : get(name)) as typeof get);
    serve(client);
    const panel = await started('contact', 'cb-record-panel');
    await platform.emit('app.activated');
    await vi.waitFor(() => expect(listCalls).toHaveBeenCalled());
    expect(document.querySelector<HTMLElement>('.fs-widget-wrapper')!.hidden).toBe(true);
    language.resolve();
    await vi.waitFor(() => expect(document.querySelector<HTMLElement>('.fs-widget-wrapper')!.hidden).toBe(false));
    await shows(panel, 'Appels récents');
    await shows(panel, 'From the entry');
    expect(deepText(panel)).not.toContain('Recent calls');
  });

  it('reads English when the rep’s language cannot be read', async () => {
    const client = platform.client({ location: 'contact_entity_menu' });
    const get = client.data.get.bind(client.data);
    vi.spyOn(client.data, 'get').mockImplementation(((name: Parameters<typeof get>[0]) =>
      // The platform rejects with plain `{status, message}` objects, as the real client does.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      name === 'loggedInUser' ? Promise.reject({ status: 500, message: 'unavailable' }) : get(name)) as typeof get);
    serve(client);
    const panel = await started('contact', 'cb-record-panel');
    await platform.emit('app.activated');
    await shows(panel, 'Recent calls');
  });

  it('says why when the platform’s client is missing', async () => {
    vi.stubGlobal('app', undefined);
    await runEntry('contact');
    await vi.waitFor(() => expect(document.querySelector('.fs-widget-wrapper')?.textContent).toContain('Callbridge could not start: The platform client did not load'));
    expect(document.querySelector('.fs-widget-wrapper')?.getAttribute('role')).toBe('alert');
  });

  it('says why when the platform does not start', async () => {
    vi.stubGlobal('app', { initialized: () => Promise.reject(new Error('timed out')) } satisfies PlatformApp);
    await runEntry('phone');
    await vi.waitFor(() => expect(document.querySelector('.fs-widget-wrapper')?.textContent).toBe('Callbridge could not start: timed out'));
  });
});
