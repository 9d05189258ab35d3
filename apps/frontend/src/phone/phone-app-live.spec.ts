import { createMessenger, type JsonObject } from '@callbridge/core';
import { phoneMessages, type ContactMatch, type LiveCall } from '@callbridge/contracts';
import { createFakePlatform, type FakePlatform } from '@callbridge/core/testing';
import { click, deepText, find, findAll, render, select, settle, type } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../modal/modal-root';
import { hostOf, sampleCall, sampleMatch, serverError } from '../testing';
import './phone-app';

let platform: FakePlatform;
let clock: number;
/** What the server answers `currentCall` with; a function to fail. */
let current: LiveCall | null | (() => never);
/** Every `currentCall` payload the phone app sent. */
let asked: JsonObject[];
let directory: Record<string, ContactMatch[]>;

const JANE = sampleMatch();
const LEO = sampleMatch({ id: 16000301, type: 'lead', name: 'Leo Lead', company: undefined });
const STARTED = '2026-11-05T09:59:50.000Z';

const live = (overrides: Partial<LiveCall> = {}): LiveCall => ({ callId: '812', phone: '+14155550199', direction: 'inbound', state: 'ringing', startedAt: STARTED, ...overrides });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  platform = createFakePlatform({ product: 'freshworks_crm' });
  platform.install({ iparams: { placeholder_name: 'New caller' } });
  clock = Date.parse('2026-11-05T10:00:00Z');
  current = null;
  asked = [];
  directory = { '+14155550123': [JANE], '+14155550177': [JANE, LEO] };
  platform.onInvoke('currentCall', (payload) => {
    asked.push(payload);
    return { call: typeof current === 'function' ? current() : current };
  });
  platform.onInvoke('findByPhone', (payload) => ({ matches: directory[payload.phone as string] ?? [] }));
});
afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** The phone app, shown by the platform (`app.activated`) unless told otherwise, after its first poll. */
async function openPhone({ shown = true } = {}) {
  const { host, client } = await hostOf(platform, { location: 'left_nav_cti' });
  const messenger = createMessenger(client, phoneMessages);
  const el = await render('cb-phone-app', { host, now: () => clock, onIncoming: (listener) => messenger.onBroadcast('call.incoming', listener) });
  if (shown) await platform.emit('app.activated');
  await poll(el, 0);
  return el;
}

/** Lets `ms` pass, so the poll due in them runs, and waits for what it shows. */
async function poll(el: HTMLElement, ms = 5_000) {
  await vi.advanceTimersByTimeAsync(ms);
  await settle(el);
}

async function shows(el: HTMLElement, text: string) {
  await vi.waitFor(() => expect(deepText(el)).toContain(text));
  await settle(el);
}

const onPad = (el: HTMLElement) => findAll(el, 'cb-dial-pad').length === 1;

/** The after-call log form, once its code has loaded. */
async function logForm(el: HTMLElement) {
  await vi.waitFor(() => find(el, 'cb-log-call-form form'));
  await settle(el);
  return find<HTMLElementTagNameMap['cb-log-call-form']>(el, 'cb-log-call-form');
}

const outcome = (el: HTMLElement) => find<HTMLSelectElement>(el, '#outcome').value;

describe('cb-phone-app: calls from the phone system', () => {
  it('rings for a new call with every record that has the number, brings the phone app forward, and holds the call for the rep once', async () => {
    current = live({ phone: '+14155550177' });
    const el = await openPhone();
    await shows(el, 'Call from +14155550177');
    await shows(el, 'Leo Lead');
    expect(findAll(el, '.matches li').map(deepText)).toEqual(['Jane Sample Contact Sample Account Inc. Open', 'Leo Lead Lead Open']);
    expect(platform.triggers).toContainEqual(expect.objectContaining({ action: 'show', args: { id: 'phoneApp' } }));
    // The hold goes out at once, then the polls go on as before.
    await vi.waitFor(() => expect(asked).toEqual([{}, { handling: '812' }]));
    await poll(el);
    expect(asked).toEqual([{}, { handling: '812' }, {}]);
  });

  it('takes the call the rep dialled as the phone system\'s call, without looking the caller up again', async () => {
    const logCall = vi.fn(() => ({ call: sampleCall() }));
    platform.onInvoke('logCall', logCall);
    platform.onInvoke('dial', () => ({ ok: true }));
    const findByPhone = vi.fn((payload: JsonObject) => ({ matches: directory[payload.phone as string] ?? [] }));
    platform.onInvoke('findByPhone', findByPhone);
    const el = await openPhone();
    await type(el, 'Phone number', '+14155550123');
    await click(el, 'Call');
    await shows(el, 'Jane Sample');
    current = live({ phone: '+14155550123', direction: 'outbound' });
    await poll(el);
    await vi.waitFor(() => expect(asked.at(-1)).toEqual({ handling: '812' }));
    current = live({ phone: '+14155550123', direction: 'outbound', state: 'ended', durationSeconds: 42 });
    await poll(el);
    await logForm(el);
    expect(find<HTMLInputElement>(el, '#duration').value).toBe('0:42');
    // Talk time: someone answered.
    expect(outcome(el)).toBe('Connected');
    expect(findByPhone).toHaveBeenCalledTimes(1);
    await select(el, 'Outcome', 'Connected');
    await click(el, 'Save');
    await shows(el, 'Call logged.');
    expect(logCall).toHaveBeenCalledWith(expect.objectContaining({ direction: 'outbound', durationSeconds: 42, callId: '812' }), expect.anything());
  });

  it('shows an outbound call from the phone system as a call to the number', async () => {
    current = live({ phone: '+14155550123', direction: 'outbound' });
    const el = await openPhone();
    await shows(el, 'Call to +14155550123');
    await shows(el, 'Jane Sample');
  });

  it('rings once per call: the rep can go back to the pad while it still rings, and an answer changes nothing', async () => {
    current = live();
    const el = await openPhone();
    await shows(el, 'Call from +14155550199');
    await click(el, 'Back to dial pad');
    current = live({ state: 'answered' });
    await poll(el);
    expect(onPad(el)).toBe(true);
  });

  it('does not ring for no call, nor for a call that ended before the app saw it', async () => {
    const el = await openPhone();
    current = live({ state: 'ended', durationSeconds: 30 });
    await poll(el);
    expect(onPad(el)).toBe(true);
    expect(platform.triggers).toEqual([]);
  });

  it('rings for the next call after one ended', async () => {
    current = live({ phone: '+14155550123' });
    const el = await openPhone();
    await shows(el, 'Jane Sample');
    await click(el, 'Back to dial pad');
    current = live({ callId: '813', phone: '+14155550177', startedAt: '2026-11-05T10:05:00.000Z' });
    await poll(el);
    await shows(el, 'Call from +14155550177');
  });

  it('after a call from an unknown number: the placeholder the rep created, then the log form with the talk time, logged as that call', async () => {
    const logCall = vi.fn(() => ({ call: sampleCall() }));
    platform.onInvoke('logCall', logCall);
    platform.onInvoke('createPlaceholderContact', (payload: JsonObject) => ({ contact: sampleMatch({ id: 99, name: payload.name as string, phone: '+14155550199', company: undefined }) }));
    current = live();
    const el = await openPhone();
    await shows(el, 'No contact or lead has this number.');
    await click(el, 'Create placeholder contact');
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    const { host } = await hostOf(platform, platform.lastModal().client);
    const modal = await render('cb-modal-root', { host });
    await vi.waitFor(() => find(modal, 'cb-create-contact-form'));
    await type(modal, 'Name', 'Ana Caller');
    await click(modal, 'Create');
    await shows(el, 'Ana Caller');

    current = live({ state: 'answered' });
    await poll(el);
    current = live({ state: 'ended', durationSeconds: 95 });
    const before = asked.length;
    await poll(el);
    await shows(el, 'Log a call');
    await logForm(el);
    expect(find<HTMLInputElement>(el, '#duration').value).toBe('1:35');
    expect(find<HTMLInputElement>(el, 'input[value="inbound"]').checked).toBe(true);
    expect(deepText(find(el, 'cb-log-call-form'))).toContain('Ana Caller');
    // Ended, the call is held again for the rep's wrap-up.
    await vi.waitFor(() => expect(asked.slice(before)).toEqual([{}, { handling: '812' }]));

    await select(el, 'Outcome', 'Connected');
    await click(el, 'Save');
    await shows(el, 'Call logged.');
    expect(logCall).toHaveBeenCalledWith(
      {
        target: { type: 'contact', id: 99, name: 'Ana Caller' },
        direction: 'inbound',
        outcome: 'Connected',
        durationSeconds: 95,
        phone: '+14155550199',
        startedAt: STARTED,
        callId: '812',
      },
      expect.anything(),
    );
    await poll(el);
    expect(onPad(el)).toBe(true);
  });

  it('says so when the call had been logged already', async () => {
    platform.onInvoke('logCall', () => ({ call: sampleCall(), alreadyLogged: true }));
    current = live({ phone: '+14155550123' });
    const el = await openPhone();
    await shows(el, 'Jane Sample');
    current = live({ phone: '+14155550123', state: 'ended', durationSeconds: 12 });
    await poll(el);
    await logForm(el);
    await select(el, 'Outcome', 'Busy');
    await click(el, 'Save');
    await shows(el, 'This call was already logged.');
  });

  it('leaves the form of a call the rep ended by hand as it is', async () => {
    current = live({ phone: '+14155550123' });
    const el = await openPhone();
    await shows(el, 'Jane Sample');
    clock += 40_000;
    await click(el, 'Call ended: log it');
    await logForm(el);
    current = live({ phone: '+14155550123', state: 'ended', durationSeconds: 30 });
    await poll(el);
    expect(find<HTMLInputElement>(el, '#duration').value).toBe('0:50');
  });

  it('uses the time on screen when the phone system gives no talk time', async () => {
    current = live({ phone: '+14155550123', startedAt: 'not a time' });
    const el = await openPhone();
    await shows(el, 'Jane Sample');
    clock += 65_000;
    current = live({ phone: '+14155550123', startedAt: 'not a time', state: 'ended' });
    await poll(el);
    await logForm(el);
    expect(find<HTMLInputElement>(el, '#duration').value).toBe('1:05');
    expect(outcome(el)).toBe('');
  });

  it('keeps a broadcast call: the same call from the poll does not ring again, and its log carries the call id', async () => {
    const logCall = vi.fn(() => ({ call: sampleCall() }));
    platform.onInvoke('logCall', logCall);
    const el = await openPhone();
    const other = platform.client({ location: 'contact_entity_menu' });
    await createMessenger(other, phoneMessages).broadcast('call.incoming', { phone: '+14155550123', callId: '812' });
    await shows(el, 'Jane Sample');
    await click(el, 'Call ended: log it');
    await logForm(el);
    await select(el, 'Outcome', 'Busy');
    await click(el, 'Save');
    await shows(el, 'Call logged.');
    expect(logCall).toHaveBeenCalledWith(expect.objectContaining({ callId: '812' }), expect.anything());
    current = live({ phone: '+14155550123' });
    await poll(el);
    expect(onPad(el)).toBe(true);
  });

  it('backs off while the server fails, says so quietly after three failures, and recovers', async () => {
    current = () => {
      throw serverError(429);
    };
    const el = await openPhone();
    expect(asked).toHaveLength(1);
    await poll(el, 5_000);
    expect(asked).toHaveLength(1);
    await poll(el, 5_000);
    expect(asked).toHaveLength(2);
    expect(deepText(el)).not.toContain('Incoming calls may not show');
    await poll(el, 20_000);
    expect(asked).toHaveLength(3);
    await shows(el, 'Incoming calls may not show: Too many requests. Wait a minute, then try again.');
    current = live({ phone: '+14155550123' });
    await poll(el, 40_000);
    await shows(el, 'Call from +14155550123');
    expect(deepText(el)).not.toContain('Incoming calls may not show');
  });

  it('stops asking when removed from the page', async () => {
    const el = await openPhone();
    el.remove();
    await vi.advanceTimersByTimeAsync(60_000);
    await platform.emit('app.activated');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(1);
  });
});

describe('cb-phone-app: how often it asks ($db reads)', () => {
  const times = (start: number) => asked.map(() => 0).length && askedAt.map((at) => at - start);
  let askedAt: number[];
  beforeEach(() => {
    askedAt = [];
    platform.onInvoke('currentCall', (payload) => {
      asked.push(payload);
      askedAt.push(Date.now());
      return { call: null };
    });
  });

  it('asks every 5 s while the platform shows it, every 30 s once hidden, and every 5 s again when shown', async () => {
    const start = Date.now();
    const el = await openPhone();
    await poll(el, 10_000);
    expect(times(start)).toEqual([0, 5_000, 10_000]);
    await platform.emit('app.deactivated');
    await poll(el, 60_000);
    expect(times(start)).toEqual([0, 5_000, 10_000, 40_000, 70_000]);
    await poll(el, 2_000);
    await platform.emit('app.activated');
    await poll(el, 3_000);
    expect(times(start)).toEqual([0, 5_000, 10_000, 40_000, 70_000, 75_000]);
  });

  it('asks every 30 s until the platform shows it', async () => {
    const start = Date.now();
    const el = await openPhone({ shown: false });
    await poll(el, 60_000);
    expect(times(start)).toEqual([0, 30_000, 60_000]);
  });

  it('asks every 30 s while the browser tab is in the background, though the phone app is open', async () => {
    const start = Date.now();
    const el = await openPhone();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await poll(el, 30_000);
    expect(times(start)).toEqual([0, 30_000]);
    await poll(el, 10_000);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await poll(el, 0);
    // Shown again 10 s after the last answer: it asks at once, then every 5 s.
    await poll(el, 5_000);
    expect(times(start)).toEqual([0, 30_000, 40_000, 45_000]);
  });

  it('asks at the pace it was given (pollMs, hiddenPollMs)', async () => {
    const { host } = await hostOf(platform, { location: 'left_nav_cti' });
    const start = Date.now();
    const el = await render('cb-phone-app', { host, pollMs: 1_000, hiddenPollMs: 4_000 });
    await poll(el, 8_000);
    expect(times(start)).toEqual([0, 4_000, 8_000]);
    await platform.emit('app.activated');
    await poll(el, 2_000);
    expect(times(start)).toEqual([0, 4_000, 8_000, 9_000, 10_000]);
  });
});

describe('cb-phone-app: the outcome the log form starts with', () => {
  it.each([
    ['an answered incoming call, by its talk time', { direction: 'inbound', durationSeconds: 95 }, 'Connected'],
    ['an incoming call nobody answered', { direction: 'inbound', durationSeconds: 0 }, 'No answer'],
    ["the phone system's word for it", { direction: 'outbound', durationSeconds: 0, outcome: 'Left voicemail' }, 'Left voicemail'],
    ['nothing for an outgoing call nobody answered: busy, voicemail?', { direction: 'outbound', durationSeconds: 0 }, ''],
  ] as const)('%s', async (_case, ended, expected) => {
    const logCall = vi.fn(() => ({ call: sampleCall() }));
    platform.onInvoke('logCall', logCall);
    current = live({ phone: '+14155550123', direction: ended.direction });
    const el = await openPhone();
    await shows(el, 'Jane Sample');
    current = live({ phone: '+14155550123', state: 'ended', ...ended });
    await poll(el);
    await logForm(el);
    expect(outcome(el)).toBe(expected);
    if (!expected) await select(el, 'Outcome', 'Busy');
    await click(el, 'Save');
    await shows(el, 'Call logged.');
    expect(logCall).toHaveBeenCalledWith(expect.objectContaining({ outcome: expected || 'Busy' }), expect.anything());
  });

  it('is Connected for a call the phone system said was answered, when the rep ends it by hand', async () => {
    current = live({ phone: '+14155550123' });
    const el = await openPhone();
    await shows(el, 'Jane Sample');
    current = live({ phone: '+14155550123', state: 'answered' });
    await poll(el);
    clock += 30_000;
    await click(el, 'Call ended: log it');
    await logForm(el);
    expect(outcome(el)).toBe('Connected');
  });

  it('lets the rep choose another outcome than the one it started with', async () => {
    const logCall = vi.fn(() => ({ call: sampleCall() }));
    platform.onInvoke('logCall', logCall);
    current = live({ phone: '+14155550123' });
    const el = await openPhone();
    await shows(el, 'Jane Sample');
    current = live({ phone: '+14155550123', state: 'ended', durationSeconds: 20 });
    await poll(el);
    await logForm(el);
    expect(outcome(el)).toBe('Connected');
    await select(el, 'Outcome', 'Wrong number');
    await click(el, 'Save');
    await shows(el, 'Call logged.');
    expect(logCall).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'Wrong number' }), expect.anything());
  });
});
