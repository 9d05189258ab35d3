import type { CallRecord } from '@callbridge/contracts';
import type { JsonObject } from '@callbridge/core';
import { createFakePlatform, type FakePlatform } from '@callbridge/core/testing';
import { setLanguage } from '@callbridge/ui';
import { fr } from '@callbridge/ui/i18n/fr';
import { click, deepText, find, findAll, render, select, settle, type } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../modal/modal-root';
import { deferred, hostOf, sampleCall, serverError } from '../testing';
import { contactProfile } from './profiles/contact';
import { READY_MARK } from './record-panel.component';
import './record-panel';

let platform: FakePlatform;
/** The calls `listCalls` answers, by record id. */
let callsById: Record<number, CallRecord[]>;

const JANE = 16000001;
const older = sampleCall({ id: 'c-old', direction: 'inbound', outcome: 'No answer', durationSeconds: 0, startedAt: '2026-10-01T09:00:00Z' });
const newer = sampleCall({ id: 'c-new', outcome: 'Connected', durationSeconds: 75, startedAt: '2026-11-02T10:00:00Z', notes: 'Wants a demo' });

const recordId = (payload: JsonObject) => (payload.record as { id: number }).id;

beforeEach(() => {
  platform = createFakePlatform();
  callsById = { [JANE]: [older, newer] };
  platform.onInvoke('listCalls', (payload) => ({ calls: callsById[recordId(payload)] ?? [] }));
  platform.onInvoke('openDeals', () => ({ deals: [{ id: 31, name: 'Renewal' }] }));
  platform.onInvoke('dial', () => ({ ok: true }));
});

afterEach(() => {
  document.body.replaceChildren();
  setLanguage('en');
});

async function openPanel() {
  const { host, client } = await hostOf(platform, { location: 'contact_entity_menu' });
  const el = await render('cb-record-panel', { host, profile: contactProfile });
  return { el, host, client };
}

/** Waits until the panel shows `text`. */
async function shows(el: HTMLElement, text: string) {
  await vi.waitFor(() => expect(deepText(el)).toContain(text));
  await settle(el);
}

const callRows = (el: HTMLElement) => findAll(el, 'cb-call-list li').map(deepText);

async function activated() {
  const panel = await openPanel();
  await platform.emit('app.activated');
  await shows(panel.el, 'Recent calls');
  return panel;
}

describe('cb-record-panel (contact)', () => {
  it('marks the moment its calls first show, once, for the panel-ready benchmark', async () => {
    performance.clearMarks(READY_MARK);
    const { el } = await activated();
    await vi.waitFor(() => expect(performance.getEntriesByName(READY_MARK)).toHaveLength(1));
    await (el as HTMLElement & { load(): Promise<void> }).load();
    await settle(el);
    expect(performance.getEntriesByName(READY_MARK)).toHaveLength(1);
  });

  it('waits for the rep to open it, then shows the contact’s numbers and calls, newest first', async () => {
    const { el } = await openPanel();
    expect(deepText(el)).toBe('Loading…');
    await platform.emit('app.activated');
    await shows(el, 'Recent calls');
    expect(findAll(el, 'cb-phone-numbers li').map(deepText)).toEqual(['Mobile +14155550123 Call', 'Work +14155550100 Call']);
    expect(callRows(el)).toHaveLength(2);
    expect(callRows(el)[0]).toContain('Outgoing · Connected 1:15');
    expect(callRows(el)[0]).toContain('Wants a demo');
    expect(callRows(el)[1]).toContain('Incoming · No answer 0:00');
  });

  it('reloads for the record the rep moved to, and drops a slow answer about the previous one', async () => {
    const slow = deferred<{ calls: CallRecord[] }>();
    const leo = 16000002;
    callsById[leo] = [sampleCall({ id: 'leo-call', outcome: 'Busy' })];
    let askedAboutJane = false;
    platform.onInvoke('listCalls', (payload) => {
      if (recordId(payload) !== JANE) return { calls: callsById[recordId(payload)] ?? [] };
      askedAboutJane = true;
      return slow.promise;
    });
    const { el } = await openPanel();
    await platform.emit('app.activated');
    await vi.waitFor(() => expect(askedAboutJane).toBe(true));

    platform.setRecord('contact', { id: leo, display_name: 'Leo Other', mobile_number: '+442079460131' });
    await platform.emit('app.activated');
    await shows(el, 'Busy');
    slow.resolve({ calls: [newer] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await settle(el);
    expect(deepText(el)).not.toContain('Wants a demo');
    expect(callRows(el)).toEqual([expect.stringContaining('Busy')]);
    expect(deepText(el)).toContain('+442079460131');
  });

  it('drops an answer that arrives after the panel was closed', async () => {
    const slow = deferred<{ calls: CallRecord[] }>();
    platform.onInvoke('listCalls', () => slow.promise);
    const { el } = await openPanel();
    await platform.emit('app.activated');
    await platform.emit('app.deactivated');
    slow.resolve({ calls: [newer] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await settle(el);
    expect(deepText(el)).toBe('Loading…');
  });

  it('says so when the contact has no calls and no number', async () => {
    callsById[JANE] = [];
    platform.setRecord('contact', { id: JANE, display_name: 'Jane Sample', mobile_number: null, work_number: '  ' });
    const { el } = await activated();
    expect(deepText(el)).toContain('No phone number.');
    expect(deepText(el)).toContain('No calls yet.');
  });

  it('lists a number it cannot call with the reason, without a Call button', async () => {
    platform.setRecord('contact', { id: JANE, display_name: 'Jane Sample', mobile_number: 'ext. 12' });
    const { el } = await activated();
    expect(findAll(el, 'cb-phone-numbers li').map(deepText)).toEqual(['Mobile ext. 12 "ext. 12" has characters a phone number cannot have.']);
  });

  it('shows what went wrong with a Retry that loads again', async () => {
    let failures = 1;
    platform.onInvoke('listCalls', () => {
      if (failures-- > 0) throw serverError(500, 'Aircall is down');
      return { calls: [newer] };
    });
    const { el } = await openPanel();
    await platform.emit('app.activated');
    await shows(el, 'Calls could not be loaded. The server had a problem. Try again.');
    expect(find(el, '[role="alert"]')).toBeDefined();
    await click(el, 'Retry');
    await shows(el, 'Wants a demo');
  });

  it.each([
    [401, 'An admin must check the CRM API key and the Aircall credentials in the app settings.'],
    [403, 'An admin must check the CRM API key and the Aircall credentials in the app settings.'],
    [429, 'Too many requests. Wait a minute, then try again.'],
    [504, 'The server did not answer in time. Try again.'],
    [404, 'Contact 16000001 was deleted'],
  ])('tells the rep what to do when the server answers %s', async (status, advice) => {
    platform.onInvoke('listCalls', () => {
      throw serverError(status, 'Contact 16000001 was deleted');
    });
    const { el } = await openPanel();
    await platform.emit('app.activated');
    await shows(el, advice);
  });

  it('says what the platform said when the record cannot be read', async () => {
    const { el } = await openPanel();
    el.profile = { ...contactProfile, type: 'lead' };
    await platform.emit('app.activated');
    await shows(el, 'leads exist only in Freshsales Classic');
  });

  it('calls a number through the phone system and opens the phone app', async () => {
    const dial = vi.fn(() => ({ ok: true }));
    platform.onInvoke('dial', dial);
    const { el } = await activated();
    await click(el, 'Call Work +14155550100');
    await shows(el, 'Calling +14155550100: see the phone app.');
    // From the logged-in rep's own phone system user.
    expect(dial).toHaveBeenCalledWith({ to: '+14155550100', agentEmail: 'joe.doe@example.com' }, expect.anything());
    await vi.waitFor(() => expect(platform.triggers).toContainEqual(expect.objectContaining({ action: 'show', args: { id: 'phoneApp' } })));
  });

  it('still calls when the platform cannot say who the rep is', async () => {
    const dial = vi.fn(() => ({ ok: true }));
    platform.onInvoke('dial', dial);
    const { el, host } = await activated();
    vi.spyOn(host, 'user').mockRejectedValue({ status: 500, message: 'unavailable' });
    await click(el, 'Call Work +14155550100');
    await shows(el, 'Calling +14155550100: see the phone app.');
    expect(dial).toHaveBeenCalledWith({ to: '+14155550100' }, expect.anything());
  });

  it('tells the rep why a call did not start', async () => {
    platform.onInvoke('dial', () => {
      throw serverError(403, 'Aircall refused the credentials');
    });
    const { el } = await activated();
    await click(el, 'Call Mobile +14155550123');
    await shows(el, 'Could not call +14155550123. An admin must check');
    expect(find(el, 'p[role="status"]').className).toBe('error');
  });

  it('refuses to dial what is not a phone number', async () => {
    const { el } = await activated();
    find(el, 'cb-phone-numbers').dispatchEvent(new CustomEvent('cb-dial', { detail: { phone: 'call me' }, bubbles: true, composed: true }));
    await shows(el, '"call me" has characters a phone number cannot have.');
  });

  it('logs a call through the modal and shows it at the top without reloading', async () => {
    const listCalls = vi.fn((payload: JsonObject) => ({ calls: callsById[recordId(payload)] ?? [] }));
    platform.onInvoke('listCalls', listCalls);
    const logCall = vi.fn((input: JsonObject) => ({
      call: sampleCall({ id: 'logged', outcome: input.outcome as string, startedAt: '2026-11-05T08:00:00Z', notes: input.notes as string }),
    }));
    platform.onInvoke('logCall', logCall);
    const { el } = await activated();

    await click(el, 'Log a call');
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    const modal = platform.lastModal();
    expect(modal.title).toBe('Log a call');
    expect(modal.data).toMatchObject({
      input: { form: 'log-call', target: { type: 'contact', id: JANE, name: 'Jane Sample' }, phone: '+14155550123', deals: [{ id: 31, name: 'Renewal' }] },
    });

    const { host } = await hostOf(platform, modal.client);
    const root = await render('cb-modal-root', { host });
    await vi.waitFor(() => find(root, 'cb-log-call-form'));
    await settle(root);
    await select(root, 'Outcome', 'Left voicemail');
    await select(root, 'Related deal', 'Renewal');
    await type(root, 'Notes', 'Call back Tuesday');
    await click(root, 'Save');

    await shows(el, 'Call logged.');
    expect(callRows(el)[0]).toContain('Left voicemail');
    expect(callRows(el)[0]).toContain('Call back Tuesday');
    expect(callRows(el)).toHaveLength(3);
    expect(listCalls).toHaveBeenCalledTimes(1);
    expect(logCall).toHaveBeenCalledWith(expect.objectContaining({ target: { type: 'contact', id: JANE, name: 'Jane Sample' }, dealId: 31, phone: '+14155550123' }), expect.anything());
    expect(modal.isOpen).toBe(false);
  });

  it('leaves the list alone when the modal closes without a call', async () => {
    const { el } = await activated();
    await click(el, 'Log a call');
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    const { host } = await hostOf(platform, platform.lastModal().client);
    const root = await render('cb-modal-root', { host });
    await vi.waitFor(() => find(root, 'cb-log-call-form'));
    await click(root, 'Cancel');
    await vi.waitFor(() => expect(platform.lastModal().isOpen).toBe(false));
    await settle(el);
    expect(callRows(el)).toHaveLength(2);
    expect(deepText(el)).not.toContain('Call logged.');
  });

  it('does not put a call logged for the previous record on the record the rep moved to', async () => {
    const { el, host } = await activated();
    const result = deferred<{ form: 'log-call'; call: CallRecord }>();
    vi.spyOn(host, 'openModal').mockReturnValue(result.promise);
    await click(el, 'Log a call');
    platform.setRecord('contact', { id: 16000002, display_name: 'Leo Other' });
    await platform.emit('app.activated');
    await shows(el, 'No calls yet.');
    result.resolve({ form: 'log-call', call: sampleCall({ id: 'late', outcome: 'Busy' }) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await settle(el);
    expect(callRows(el)).toEqual([]);
  });

  it("reads the contact's open deals only once its calls show, and offers them in the log form", async () => {
    const calls = deferred<{ calls: CallRecord[] }>();
    platform.onInvoke('listCalls', () => calls.promise);
    const openDeals = vi.fn(() => ({ deals: [{ id: 31, name: 'Renewal' }] }));
    platform.onInvoke('openDeals', openDeals);
    const { el } = await openPanel();
    await platform.emit('app.activated');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(openDeals).not.toHaveBeenCalled();
    calls.resolve({ calls: [newer] });
    await shows(el, 'Wants a demo');
    await vi.waitFor(() => expect(openDeals).toHaveBeenCalledWith({ contactId: JANE }, expect.anything()));
    await click(el, 'Log a call');
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    expect(platform.lastModal().data).toMatchObject({ input: { deals: [{ id: 31, name: 'Renewal' }] } });
  });

  it('offers no deals when they cannot be read, and still opens the form', async () => {
    platform.onInvoke('openDeals', () => {
      throw serverError(500);
    });
    const { el } = await activated();
    await click(el, 'Log a call');
    await vi.waitFor(() => expect(platform.modals).toHaveLength(1));
    expect(platform.lastModal().data).toMatchObject({ input: { deals: [] } });
  });

  it('says so when the form cannot open', async () => {
    const { el, host } = await activated();
    vi.spyOn(host, 'openModal').mockRejectedValue(new Error('The platform did not open modal "modal.html"'));
    await click(el, 'Log a call');
    await shows(el, 'The form did not open. The platform did not open modal "modal.html"');
  });

  it('renders names and notes with markup as text', async () => {
    callsById[JANE] = [sampleCall({ notes: '<img src=x onerror=alert(1)>' })];
    platform.setRecord('contact', { id: JANE, display_name: '<b>Jane</b>', mobile_number: '+14155550123' });
    const { el } = await activated();
    expect(findAll(el, 'img, b')).toEqual([]);
    expect(deepText(el)).toContain('<img src=x onerror=alert(1)>');
  });

  it('asks the CRM for the height its content needs', async () => {
    const { el, client } = await openPanel();
    vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({ height: 321.4 } as DOMRect);
    await platform.emit('app.activated');
    await shows(el, 'Recent calls');
    await vi.waitFor(() => expect(platform.heightOf(client)).toBe(322));
  });

  it('stops listening when removed from the page', async () => {
    const listCalls = vi.fn(() => ({ calls: [] }));
    platform.onInvoke('listCalls', listCalls);
    const { el } = await openPanel();
    el.remove();
    await platform.emit('app.activated');
    expect(listCalls).not.toHaveBeenCalled();
  });

  it('speaks the rep’s language', async () => {
    setLanguage('fr', fr);
    const { el } = await openPanel();
    await platform.emit('app.activated');
    await shows(el, 'Appels récents');
    expect(deepText(el)).toContain('Appeler');
  });
});
