import type { ContactMatch } from '@callbridge/contracts';
import { createMessenger, type HostPort, type JsonObject, type ProductName } from '@callbridge/core';
import { createFakePlatform, type FakePlatform } from '@callbridge/core/testing';
import { click, deepText, find, findAll, press, render, select, settle, type } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../modal/modal-root';
import { deferred, hostOf, sampleCall, sampleMatch, serverError } from '../testing';
import './phone-app';
import { phoneMessages } from '@callbridge/contracts';

let platform: FakePlatform;
let clock: number;
/** Who `findByPhone` finds, by E.164 number. */
let directory: Record<string, ContactMatch[]>;

const JANE = sampleMatch();
const LEO = sampleMatch({ id: 16000301, type: 'lead', name: 'Leo Lead', company: undefined });

function setUp(product: ProductName = 'freshworks_crm', iparams: Record<string, unknown> = { placeholder_name: 'New caller' }) {
  platform = createFakePlatform({ product });
  platform.install({ iparams: { phone_api_token: 'secret', ...iparams }, secure: ['phone_api_token'] });
  clock = Date.parse('2026-11-05T10:00:00Z');
  directory = { '+14155550123': [JANE], '+14155550177': [JANE, LEO] };
  platform.onInvoke('dial', () => ({ ok: true }));
  // No call from the phone system unless a test says so (phone-app-live.spec.ts).
  platform.onInvoke('currentCall', () => ({ call: null }));
  platform.onInvoke('findByPhone', (payload) => ({ matches: directory[payload.phone as string] ?? [] }));
}

beforeEach(() => setUp());
afterEach(() => document.body.replaceChildren());

async function openPhone() {
  const { host, client } = await hostOf(platform, { location: 'left_nav_cti' });
  const messenger = createMessenger(client, phoneMessages);
  const el = await render('cb-phone-app', { host, now: () => clock, onIncoming: (listener) => messenger.onBroadcast('call.incoming', listener) });
  return { el, host };
}

async function shows(el: HTMLElement, text: string) {
  await vi.waitFor(() => expect(deepText(el)).toContain(text));
  await settle(el);
}

const pad = (el: HTMLElement) => find<HTMLElementTagNameMap['cb-dial-pad']>(el, 'cb-dial-pad');

/** The after-call log form, once its code has loaded. */
async function logForm(el: HTMLElement) {
  await vi.waitFor(() => find(el, 'cb-log-call-form form'));
  await settle(el);
}

/** What `dial` sends for the fake platform's logged-in rep. */
const AGENT = { agentEmail: 'joe.doe@example.com' };

/** Another instance of the app (or the emulator) announcing a call. */
async function announce(phone: string, direction: 'inbound' | 'outbound' = 'inbound') {
  const other = platform.client({ location: 'contact_entity_menu' });
  await createMessenger(other, phoneMessages).broadcast('call.incoming', { phone, direction });
}

describe('cb-phone-app: dialling', () => {
  it('calls a number typed on the pad in E.164 and shows who it is', async () => {
    const dial = vi.fn(() => ({ ok: true }));
    platform.onInvoke('dial', dial);
    const { el } = await openPhone();
    await type(el, 'Phone number', '(415) 555-0123');
    await click(el, 'Call');
    await shows(el, 'Call to +14155550123');
    expect(dial).toHaveBeenCalledWith({ to: '+14155550123', ...AGENT }, expect.anything());
    await shows(el, 'Jane Sample');
    expect(findAll(el, '.matches li').map(deepText)).toEqual(['Jane Sample Contact Sample Account Inc. Open']);
  });

  it("dials from the logged-in rep's own phone system user, by their email", async () => {
    const dial = vi.fn(() => ({ ok: true }));
    platform.onInvoke('dial', dial);
    platform.setLoggedInUser({ email: 'ana.rep@example.com' });
    const { el } = await openPhone();
    await type(el, 'Phone number', '+14155550123');
    await click(el, 'Call');
    await shows(el, 'Call to +14155550123');
    expect(dial).toHaveBeenCalledWith({ to: '+14155550123', agentEmail: 'ana.rep@example.com' }, expect.anything());
  });

  it.each([
    ['the platform cannot say who the rep is', (host: HostPort) => vi.spyOn(host, 'user').mockRejectedValue({ status: 500, message: 'unavailable' })],
    ['the rep has no usable email', () => platform.setLoggedInUser({ email: 'not an email' })],
  ])('still dials when %s, from the first available line', async (_case, arrange) => {
    const dial = vi.fn(() => ({ ok: true }));
    platform.onInvoke('dial', dial);
    const { el, host } = await openPhone();
    arrange(host);
    await platform.emit('calling', { phoneNumber: '+14155550123' });
    await shows(el, 'Call to +14155550123');
    expect(dial).toHaveBeenCalledWith({ to: '+14155550123' }, expect.anything());
  });

  it('dials from the keypad and the keyboard', async () => {
    const dial = vi.fn(() => ({ ok: true }));
    platform.onInvoke('dial', dial);
    const { el } = await openPhone();
    for (const key of [...'+4420794601']) await click(el, key);
    await press(el, '.keys button', '3');
    await press(el, '.keys button', '1');
    await click(el, 'Call');
    await vi.waitFor(() => expect(dial).toHaveBeenCalledWith({ to: '+442079460131', ...AGENT }, expect.anything()));
  });

  it('explains a number it cannot call, beside the field, without dialling', async () => {
    const dial = vi.fn(() => ({ ok: true }));
    platform.onInvoke('dial', dial);
    const { el } = await openPhone();
    await type(el, 'Phone number', '555');
    await click(el, 'Call');
    expect(deepText(find(el, '#number-error'))).toBe('"555" is not a full phone number (8 to 15 digits with the country code).');
    expect(dial).not.toHaveBeenCalled();
    await type(el, 'Phone number', '');
    await click(el, 'Call');
    expect(deepText(find(el, '#number-error'))).toBe('Enter a phone number.');
  });

  it('keeps the number and says what to fix when the phone system refuses the call', async () => {
    platform.onInvoke('dial', () => {
      throw serverError(403);
    });
    const { el } = await openPhone();
    await type(el, 'Phone number', '+14155550123');
    await click(el, 'Call');
    await shows(el, 'An admin must check the CRM API key');
    expect(pad(el).value).toBe('+14155550123');
    expect(pad(el).busy).toBe(false);
  });

  it('shows a second failure even when it reads the same as the first', async () => {
    platform.onInvoke('dial', () => {
      throw serverError(429);
    });
    const { el } = await openPhone();
    await type(el, 'Phone number', '+14155550123');
    await click(el, 'Call');
    await shows(el, 'Too many requests');
    await type(el, 'Phone number', '+14155550123');
    expect(deepText(el)).not.toContain('Too many requests');
    await click(el, 'Call');
    await shows(el, 'Too many requests');
  });

  it('calls the number the rep clicked in the CRM', async () => {
    const dial = vi.fn(() => ({ ok: true }));
    platform.onInvoke('dial', dial);
    const { el } = await openPhone();
    await platform.emit('calling', { phoneNumber: '+1 415 555 0177' });
    await shows(el, 'Call to +14155550177');
    expect(dial).toHaveBeenCalledWith({ to: '+14155550177', ...AGENT }, expect.anything());
    await shows(el, 'Leo Lead');
  });

  it('opens the matched record in the CRM', async () => {
    const { el } = await openPhone();
    await type(el, 'Phone number', '+14155550123');
    await click(el, 'Call');
    await shows(el, 'Jane Sample');
    await click(el, 'Open Jane Sample');
    await vi.waitFor(() => expect(platform.triggers).toContainEqual(expect.objectContaining({ action: 'show', args: { id: 'contact', value: JANE.id } })));
  });
});

describe('cb-phone-app: incoming calls', () => {
  it('shows an announced call with every contact and lead that has the number', async () => {
    const { el } = await openPhone();
    await announce('+14155550177');
    await shows(el, 'Call from +14155550177');
    await shows(el, 'Leo Lead');
    expect(findAll(el, '.matches li').map(deepText)).toEqual(['Jane Sample Contact Sample Account Inc. Open', 'Leo Lead Lead Open']);
  });

  it('looks up a number the rep enters', async () => {
    const { el } = await openPhone();
    await type(el, 'Phone number', '4155550123');
    await click(el, 'Find caller');
    await shows(el, 'Call from +14155550123');
    await shows(el, 'Jane Sample');
  });

  it('refuses an announced number that is not a phone number', async () => {
    const { el } = await openPhone();
    await announce('anonymous');
    await shows(el, '"anonymous" has characters a phone number cannot have.');
    expect(pad(el).value).toBe('anonymous');
  });

  it('shows the lookup’s progress and failure, with a Retry', async () => {
    const answer = deferred<{ matches: ContactMatch[] }>();
    let calls = 0;
    platform.onInvoke('findByPhone', () => (++calls === 1 ? answer.promise : { matches: [JANE] }));
    const { el } = await openPhone();
    await announce('+14155550123');
    await shows(el, 'Looking up +14155550123…');
    answer.reject(serverError(500));
    await shows(el, 'The server had a problem. Try again.');
    await click(el, 'Retry');
    await shows(el, 'Jane Sample');
  });

  it('ignores the answer about a call the rep has left', async () => {
    const slow = deferred<{ matches: ContactMatch[] }>();
    platform.onInvoke('findByPhone', (payload) => (payload.phone === '+14155550123' ? slow.promise : { matches: [LEO] }));
    const { el } = await openPhone();
    await announce('+14155550123');
    await shows(el, 'Looking up');
    await click(el, 'Back to dial pad');
    await announce('+14155550177');
    await shows(el, 'Leo Lead');
    slow.resolve({ matches: [JANE] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await settle(el);
    expect(deepText(el)).not.toContain('Jane Sample');
  });

  it.each([
    ['freshworks_crm', { placeholder_name: 'New caller' }, ['contact']],
    ['freshsales', { placeholder_name: 'New caller', placeholder_type_classic: 'lead' }, ['lead', 'contact']],
    ['freshsales', { placeholder_name: 'New caller', placeholder_type_classic: 'contact' }, ['contact']],
  ] as const)('offers a placeholder for an unknown caller (%s, %j)', async (product, iparams, allowedTypes) => {
    setUp(product, iparams);
    const { el } = await openPhone();
    await announce('+14155550199');
    await shows(el, 'No contact or lead has this number.');
    await click(el, 'Create placeholder contact');
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    expect(platform.lastModal().title).toBe('Create contact');
    expect(platform.lastModal().data).toMatchObject({ input: { form: 'create-contact', phone: '+14155550199', defaultName: 'New caller', allowedTypes } });
  });

  it('shows the placeholder created through the modal as the caller', async () => {
    platform.onInvoke('createPlaceholderContact', (payload: JsonObject) => ({ contact: sampleMatch({ id: 99, name: payload.name as string, phone: '+14155550199' }) }));
    const { el } = await openPhone();
    await announce('+14155550199');
    await shows(el, 'No contact or lead has this number.');
    await click(el, 'Create placeholder contact');
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    const { host } = await hostOf(platform, platform.lastModal().client);
    const modal = await render('cb-modal-root', { host });
    await vi.waitFor(() => find(modal, 'cb-create-contact-form'));
    await type(modal, 'Name', 'Ana Caller');
    await click(modal, 'Create');
    await shows(el, 'Ana Caller');
    expect(findAll(el, '.matches li')).toHaveLength(1);
  });

  it('says why a placeholder cannot be offered', async () => {
    const { el, host } = await openPhone();
    vi.spyOn(host.iparams, 'get').mockRejectedValue(new Error('The installation could not be read.'));
    await announce('+14155550199');
    await shows(el, 'No contact or lead has this number.');
    await click(el, 'Create placeholder contact');
    await shows(el, 'The installation could not be read.');
  });
});

describe('cb-phone-app: logging the call', () => {
  it('logs the ended call with its direction, duration and the matched record', async () => {
    const logCall = vi.fn(() => ({ call: sampleCall() }));
    platform.onInvoke('logCall', logCall);
    const { el } = await openPhone();
    await announce('+14155550177');
    await shows(el, 'Leo Lead');
    clock += 95_000;
    await click(el, 'Call ended: log it');
    await logForm(el);
    expect(find<HTMLInputElement>(el, '#duration').value).toBe('1:35');
    expect(find<HTMLInputElement>(el, 'input[value="inbound"]').checked).toBe(true);
    await select(el, 'Log against', 'Leo Lead');
    await select(el, 'Outcome', 'Connected');
    await type(el, 'Notes', 'Interested');
    await click(el, 'Save');
    await shows(el, 'Call logged.');
    expect(logCall).toHaveBeenCalledWith(
      {
        target: { type: 'lead', id: LEO.id, name: 'Leo Lead' },
        direction: 'inbound',
        outcome: 'Connected',
        durationSeconds: 95,
        notes: 'Interested',
        phone: '+14155550177',
        startedAt: '2026-11-05T10:00:00.000Z',
      },
      expect.anything(),
    );
    expect(findAll(el, 'cb-dial-pad')).toHaveLength(1);
  });

  it('keeps the form and says why when the log is refused', async () => {
    platform.onInvoke('logCall', () => {
      throw serverError(422, 'Lead 16000301 was converted.');
    });
    const { el } = await openPhone();
    await announce('+14155550123');
    await shows(el, 'Jane Sample');
    await click(el, 'Call ended: log it');
    await logForm(el);
    await select(el, 'Outcome', 'Busy');
    await click(el, 'Save');
    await shows(el, 'Lead 16000301 was converted.');
    expect(find<HTMLSelectElement>(el, '#outcome').value).toBe('Busy');
  });

  it('asks for a record first when nobody has the number', async () => {
    const { el } = await openPhone();
    await announce('+14155550199');
    await shows(el, 'No contact or lead has this number.');
    await click(el, 'Call ended: log it');
    await shows(el, 'Create a contact for this number to log the call.');
    expect(findAll(el, 'cb-log-call-form')).toEqual([]);
    await click(el, 'Back to dial pad');
    expect(findAll(el, 'cb-dial-pad')).toHaveLength(1);
  });

  it('goes back to the dial pad when the rep cancels the log', async () => {
    const { el } = await openPhone();
    await announce('+14155550123');
    await shows(el, 'Jane Sample');
    await click(el, 'Call ended: log it');
    await logForm(el);
    await click(el, 'Cancel');
    expect(findAll(el, 'cb-dial-pad')).toHaveLength(1);
  });
});

describe('cb-phone-app', () => {
  it('stops listening when removed from the page', async () => {
    const dial = vi.fn(() => ({ ok: true }));
    platform.onInvoke('dial', dial);
    const { el } = await openPhone();
    el.remove();
    await platform.emit('calling', { phoneNumber: '+14155550123' });
    await announce('+14155550123');
    expect(dial).not.toHaveBeenCalled();
  });

  it('works without anyone announcing calls', async () => {
    const { host } = await hostOf(platform, { location: 'left_nav_cti' });
    const el = await render('cb-phone-app', { host });
    expect(deepText(el)).toContain('Find caller');
  });
});
