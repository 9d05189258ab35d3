import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, demoIparams, startApp, type RunningApp } from './support/app';
import { frameOf, launchChromium, openContext, openPanel } from './support/browser';

/**
 * A call from the phone system reaches the phone app (`left_nav_cti`) the way an FDK CTI app learns of one: the
 * emulated Aircall posts its webhooks to onExternalEvent, which keeps the live call; the phone app polls `currentCall`.
 */

interface CrmRecord {
  id: number;
  mobile_number?: string | null;
  work_number?: string | null;
}
interface PhoneCallRecord {
  id: number;
  targetable_type: string;
  targetable_id: number;
  call_duration?: number;
}
interface State {
  crm: Record<string, { contacts: CrmRecord[]; leads: CrmRecord[]; phone_calls: PhoneCallRecord[] }>;
  db: Record<string, Record<string, unknown>>;
}

/** A number no seeded record has, one per product so the two runs never meet. */
const CALLER = { freshworks_crm: '+14155550142', freshsales: '+14155550143' } as const;
const TALK_SECONDS = 95;
const POLL = { timeout: 15_000 };

const digits = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '');
const withNumber = (records: CrmRecord[], phone: string) => records.filter((r) => [r.mobile_number, r.work_number].some((n) => digits(n) === digits(phone)));

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  const iparams = await demoIparams((values) => {
    values.auto_create_contacts = false;
    values.placeholder_type_classic = 'contact';
  });
  [app, browser] = await Promise.all([startApp({ iparams }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The phone app, docked on the product's home page, once it shows its dial pad. */
async function openPhoneApp(page: Page, product: string): Promise<Frame> {
  await page.goto(`/${product}/phone`);
  const phone = await frameOf(page, 'left_nav_cti');
  await phone.getByRole('button', { name: 'Find caller' }).waitFor(POLL);
  return phone;
}

/**
 * The caller match says nobody has the number. On a loaded machine the lookup can outlast the emulator's 5 s for a
 * server method (platform 2.1 declares no timeouts); the phone app then offers Retry, and the rep takes it.
 */
async function noMatch(phone: Frame): Promise<void> {
  const answer = phone.getByText('No contact or lead has this number.');
  const retry = phone.getByRole('button', { name: 'Retry' });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await answer.or(retry).first().waitFor(POLL);
    if (await answer.isVisible()) return;
    await retry.click();
  }
  await answer.waitFor(POLL);
}

const simulate = <T>(path: string, body: Record<string, unknown> = {}) => api<T>(app, 'POST', `/_emulator/phone/calls${path}`, { wait: true, ...body });

describe('a call from the phone system in the phone app', () => {
  it.each(['freshworks_crm', 'freshsales'] as const)(
    '%s: rings with no match, the rep creates a placeholder, then logs the ended call once against it',
    async (product) => {
      const caller = CALLER[product];
      const before = await api<State>(app, 'GET', '/_emulator/state');
      expect(withNumber([...before.crm[product]!.contacts, ...before.crm[product]!.leads], caller)).toEqual([]);

      const context = await openContext(browser, app.url);
      const page = await context.newPage();
      const phone = await openPhoneApp(page, product);

      // Ringing: the webhook's call.created reaches the server; the phone app's next poll shows it.
      const { callId } = await simulate<{ callId: number }>('', { from: caller, direction: 'inbound', live: true });
      await phone.getByText(`Call from ${caller}`).waitFor(POLL);
      await noMatch(phone);

      await phone.getByRole('button', { name: 'Create placeholder contact' }).click();
      const modal = await frameOf(page, 'modal');
      await modal.getByLabel('Name').fill('Ana Caller');
      await modal.getByRole('button', { name: 'Create' }).click();
      await phone.getByRole('button', { name: 'Open Ana Caller' }).waitFor(POLL);

      // Answered, talked for TALK_SECONDS of emulated time, hung up: the ended call opens the log form.
      await simulate(`/${callId}/answer`);
      await api(app, 'POST', '/_emulator/clock/advance', { ms: TALK_SECONDS * 1000 });
      await simulate(`/${callId}/hangup`);
      await phone.getByRole('heading', { name: 'Log a call' }).waitFor(POLL);
      // The emulated clock also runs in real time: the talk time is what the phone system says it was.
      const { calls } = await api<{ calls: { id: number; answered_at: number; ended_at: number }[] }>(app, 'GET', '/_emulator/phone/state');
      const ended = calls.find((c) => c.id === callId)!;
      const talk = ended.ended_at - ended.answered_at;
      expect(talk).toBeGreaterThanOrEqual(TALK_SECONDS);
      expect(await phone.locator('#duration').inputValue()).toBe(`${Math.floor(talk / 60)}:${String(talk % 60).padStart(2, '0')}`);
      expect(await phone.locator('input[value="inbound"]').isChecked()).toBe(true);
      await phone.locator('cb-log-call-form').getByText('Ana Caller').waitFor(POLL);
      // Answered, with talk time: the form starts at Connected.
      expect(await phone.getByLabel('Outcome').inputValue()).toBe('Connected');
      await phone.getByLabel('Notes').fill('Wants a quote');
      await phone.getByRole('button', { name: 'Save' }).click();
      await phone.getByText('Call logged.').waitFor(POLL);

      // One contact, one call on it: the webhook left the call the rep was handling to the rep.
      const after = await api<State>(app, 'GET', '/_emulator/state');
      const created = withNumber(after.crm[product]!.contacts, caller);
      expect(created).toHaveLength(1);
      expect(withNumber(after.crm[product]!.leads, caller)).toEqual([]);
      const contactId = created[0]!.id;
      const logged = after.crm[product]!.phone_calls.filter((c) => c.targetable_type.toLowerCase() === 'contact' && c.targetable_id === contactId);
      expect(logged).toEqual([expect.objectContaining({ call_duration: talk })]);
      expect(after.crm[product]!.phone_calls).toHaveLength(before.crm[product]!.phone_calls.length + 1);
      expect(after.db[product]![`call:${callId}`]).toMatchObject({ outcome: 'logged', target: { type: 'contact', id: contactId } });
      expect(Object.keys(after.db[product]!).filter((key) => key.startsWith('claim:'))).toEqual([]);

      // The new contact's Callbridge panel lists the call.
      const panel = await openPanel(page, `/${product}/contacts/${contactId}`);
      await expect.poll(() => panel.locator('cb-call-list li').count(), POLL).toBe(1);
      await expect.poll(() => panel.locator('cb-call-list li').first().textContent()).toContain('Wants a quote');
      await context.close();
    },
  );
});
