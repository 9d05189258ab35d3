/**
 * Issue 7 in the emulator, in Debian's Chromium: the record panels in INTEGRATIONS list the record's calls, "Log a
 * call" logs one through the modal and puts it on top without a reload, moving to another record shows that record's
 * calls only, and text from records is shown as text, never run as markup. Both products.
 *
 * One emulator and one browser for the file; every test starts from the seeded CRM (`/_emulator/reset`) in a fresh
 * browser context, so whether a panel was open is not carried over (sessionStorage).
 */
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, startApp, type RunningApp } from './support/app';
import { frameOf, launchChromium, openContext, openPanel } from './support/browser';
import { fillAndSave, markWindows, modalClosed, openLogCallModal, rowsWhen, settledRows, xssFlags } from './support/panels';
import { crmApi, emulatorState, printEmulatorLogOnFailure, PRODUCTS, type CrmRecord, type PhoneCallRecord, type Product } from './support/state';

let app: RunningApp;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});
printEmulatorLogOnFailure(() => app);
beforeEach(async () => {
  await api(app, 'POST', '/_emulator/reset');
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** A fresh page; uncaught errors of any frame fail the test that caused them. */
async function newPage(): Promise<{ page: Page; errors: string[]; requested: string[] }> {
  // The rows show times in the rep's language and the browser's time zone; the seeded calls' dates are read in UTC.
  context = await openContext(browser, app.url, { timezoneId: 'UTC', locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  const requested: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requested.push(request.url()));
  return { page, errors, requested };
}

const NO_CALLS = 'No calls yet.';
/** The call list's empty-state text ('' while it shows calls or has not rendered). */
const emptyState = async (panel: Frame) => ((await panel.locator('cb-call-list p').count()) ? panel.locator('cb-call-list p').innerText() : '');
const notes = (call: PhoneCallRecord) => call.note?.description ?? '';
const newCalls = async (product: Product, seen: Set<number>) => (await emulatorState(app)).crm[product].phone_calls.filter((c) => !seen.has(c.id));
const callIds = async (product: Product) => new Set((await emulatorState(app)).crm[product].phone_calls.map((c) => c.id));

describe.each(PRODUCTS)('record panels in %s (issue 7)', (product) => {
  it("contact panel: lists the contact's calls newest first; a logged call goes on top without a reload and into the CRM; the next contact shows only its own calls", async () => {
    const { page, errors } = await newPage();
    const panel = await openPanel(page, `/${product}/contacts/101`);

    // Ada Lovelace's seeded calls: 602 (18 Nov, outgoing, no answer) is newer than 601 (16 Nov, incoming, with notes).
    const seeded = await settledRows(panel);
    expect(seeded).toHaveLength(2);
    expect(seeded[0]).toMatch(/^Outgoing · No answer\s+0:00 · Nov 18, 2026/);
    expect(seeded[1]).toMatch(/^Incoming · Connected\s+5:12 · Nov 16, 2026.*\s+Asked about renewal pricing$/s);

    const unchanged = await markWindows(page, [panel]);
    const before = await callIds(product);
    const modal = await openLogCallModal(page, panel);
    await expect.poll(() => modal.locator('cb-log-call-form strong').innerText()).toBe('Ada Lovelace');
    const text = `Called back about the renewal (${product})`;
    await fillAndSave(modal, { direction: 'Incoming', outcome: 'Left voicemail', duration: '2:30', notes: text });
    await modalClosed(page);

    const rows = await rowsWhen(panel, 'show the logged call', (r) => r.length === 3);
    expect(rows[0]).toMatch(/^Incoming · Left voicemail\s+2:30 · /);
    expect(rows[0]).toContain(text);
    expect(rows.slice(1)).toEqual(seeded);
    await expect.poll(() => panel.getByRole('status').filter({ hasText: 'Call logged.' }).count()).toBe(1);
    expect(await unchanged(), 'the record page and the panel were not reloaded').toEqual([true, true]);

    const logged = await newCalls(product, before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ targetable_type: 'Contact', targetable_id: 101, call_direction: true, call_duration: 150, outcome: 'Left voicemail' });
    expect(notes(logged[0]!)).toContain(text);

    // The pager swaps the page in place, as the product does: the panel hears app.activated with Grace Hopper.
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByTestId('record-name').innerText()).toBe('Grace Hopper');
    const grace = await rowsWhen(await frameOf(page, 'contact_entity_menu'), "show Grace Hopper's call", (r) => r.some((row) => row.includes('Sent the deck')));
    expect(grace).toHaveLength(1);
    expect(grace[0]).toMatch(/^Outgoing · Connected\s+1:35 · Nov 19, 2026.*Sent the deck$/s);
    expect(await unchanged(), 'moving to the next record did not reload the page').toEqual([true, true]);

    // A contact with no calls shows the empty state, nothing of the contacts before.
    await page.goto(`/${product}/contacts/104`);
    const katherine = await frameOf(page, 'contact_entity_menu');
    await expect.poll(() => emptyState(katherine), { timeout: 15_000 }).toBe(NO_CALLS);

    // Back on Ada Lovelace, the logged call is read back from the CRM, newest first.
    await page.goto(`/${product}/contacts/101`);
    const again = await rowsWhen(await frameOf(page, 'contact_entity_menu'), 'list the logged call from the CRM', (r) => r.length === 3);
    expect(again[0]).toContain(text);
    expect(errors).toEqual([]);
  });

  it("deal panel: the calls with the deal's contacts, newest first; a deal whose contacts have no calls shows the empty state", async () => {
    const { page, errors } = await newPage();
    const panel = await openPanel(page, `/${product}/deals/401`, 'deal_entity_menu');
    const rows = await rowsWhen(panel, 'list the calls of Ada Lovelace and Grace Hopper', (r) => r.length === 3);
    expect(rows[0]).toMatch(/^Outgoing · Connected\s+1:35 · Nov 19, 2026.*Sent the deck$/s);
    expect(rows[1]).toMatch(/^Outgoing · No answer\s+0:00 · Nov 18, 2026/);
    expect(rows[2]).toMatch(/^Incoming · Connected\s+5:12 · Nov 16, 2026.*Asked about renewal pricing$/s);
    expect(await panel.getByRole('button', { name: 'Log a call' }).count()).toBe(1);

    await page.goto(`/${product}/deals/404`);
    const empty = await frameOf(page, 'deal_entity_menu');
    await expect.poll(() => emptyState(empty), { timeout: 15_000 }).toBe(NO_CALLS);
    expect(errors).toEqual([]);
  });

  it("account panel: the calls across the account's contacts with this week's count and the last contact; an account without calls says so", async () => {
    const { page, errors } = await newPage();
    const summary = async (frame: Frame) => {
      await frame.locator('dl.summary').waitFor({ timeout: 15_000 });
      return frame.locator('dl.summary dd').allInnerTexts();
    };

    // Umbrella Health (303): its one contact, Margaret Hamilton (105), has no calls.
    let panel = await openPanel(page, `/${product}/sales_accounts/303`, 'sales_account_entity_menu');
    await expect.poll(() => emptyState(panel), { timeout: 15_000 }).toBe(NO_CALLS);
    expect(await summary(panel)).toEqual(['0', 'Never']);
    expect(await panel.getByRole('button', { name: 'Log a call' }).count()).toBe(0);

    // A call with Margaret, logged now through the CRM's API, counts this week and is the last contact.
    await crmApi(app, product, 'POST', '/phone_calls', {
      phone_call: { call_direction: false, targetable_type: 'Contact', targetable_id: 105, call_duration: 42, outcome_id: 806, note: { description: 'Booked the clinic demo' } },
    });
    await page.reload();
    panel = await frameOf(page, 'sales_account_entity_menu');
    const rows = await rowsWhen(panel, "show Margaret Hamilton's call", (r) => r.length === 1);
    expect(rows[0]).toMatch(/^Outgoing · Interested\s+0:42 · .*Booked the clinic demo$/s);
    const [thisWeek, last] = await summary(panel);
    expect(thisWeek).toBe('1');
    expect(last).not.toBe('Never');
    expect(rows[0]).toContain(last);

    // Globex (301): the calls of Ada Lovelace and Grace Hopper, newest first.
    await page.goto(`/${product}/sales_accounts/301`);
    const globex = await rowsWhen(await frameOf(page, 'sales_account_entity_menu'), 'list the calls of both contacts', (r) => r.length === 3);
    expect(globex.map((row) => row.split(/\n/)[0])).toEqual(['Outgoing · Connected', 'Outgoing · No answer', 'Incoming · Connected']);
    expect(errors).toEqual([]);
  });

  // These panels mix several people's calls (PRODUCT.md §2): each row names the contact, as text.
  it('deal and account panels say with whom each call was', async () => {
    const { page } = await newPage();
    for (const [path, location] of [
      [`/${product}/deals/401`, 'deal_entity_menu'],
      [`/${product}/sales_accounts/301`, 'sales_account_entity_menu'],
    ] as const) {
      const panel = await openPanel(page, path, location);
      const rows = await rowsWhen(panel, `list the three calls on ${path}`, (r) => r.length === 3);
      expect(rows.map((row) => /with (.+)/.exec(row)?.[1]), path).toEqual(['Grace Hopper', 'Ada Lovelace', 'Ada Lovelace']);
    }
  });

  it('shows markup from records and notes as text, and never runs it, in the panel, the modal and the page', async () => {
    const { page, errors, requested } = await newPage();
    const name = '<img src=x onerror="window.__xss=1">';
    const { contact } = await crmApi<{ contact: CrmRecord }>(app, product, 'POST', '/contacts', {
      contact: { first_name: name, last_name: '<b>Bold</b>', mobile_number: '+14155557101' },
    });
    const seededNote = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1"> & more';
    await crmApi(app, product, 'POST', '/phone_calls', {
      phone_call: { call_direction: true, targetable_type: 'Contact', targetable_id: contact.id, call_duration: 30, outcome_id: 801, note: { description: seededNote } },
    });

    const panel = await openPanel(page, `/${product}/contacts/${contact.id}`);
    const rows = await settledRows(panel);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(seededNote);
    await expect.poll(() => page.getByTestId('record-name').innerText()).toBe(`${name} <b>Bold</b>`);

    const modal = await openLogCallModal(page, panel);
    await expect.poll(() => modal.locator('cb-log-call-form strong').innerText()).toBe(`${name} <b>Bold</b>`);
    expect(await modal.locator('cb-log-call-form img, cb-log-call-form b').count()).toBe(0);
    expect(await xssFlags(page), 'window.__xss in the page, the panel and the modal').toEqual(page.frames().map(() => undefined));
    const loggedNote = '<img src=x onerror="window.__xss=2"><a href="javascript:window.__xss=3">click</a>';
    await fillAndSave(modal, { direction: 'Outgoing', outcome: 'Connected', duration: '45', notes: loggedNote });
    await modalClosed(page);
    const after = await rowsWhen(panel, 'show the logged call', (r) => r.length === 2);
    expect(after[0]).toContain(loggedNote);
    expect(after[1]).toContain(seededNote);

    expect(await panel.locator('cb-call-list img, cb-call-list script, cb-call-list a, cb-call-list b').count()).toBe(0);
    expect(await page.locator('[data-testid="record-name"] img, [data-testid="record-name"] b').count()).toBe(0);
    expect(await xssFlags(page)).toEqual(page.frames().map(() => undefined));
    expect(requested.filter((url) => new URL(url).pathname.endsWith('/x'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('lead panel in freshsales (issue 7)', () => {
  const product = 'freshsales';

  it("lists the lead's calls, logs a call on top without a reload, and the next lead shows only its own", async () => {
    const { page, errors } = await newPage();
    const panel = await openPanel(page, `/${product}/leads/501`, 'lead_entity_menu');
    const seeded = await settledRows(panel);
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatch(/^Incoming · Connected\s+0:45 · Nov 17, 2026.*Wants a demo$/s);

    const unchanged = await markWindows(page, [panel]);
    const before = await callIds(product);
    const modal = await openLogCallModal(page, panel);
    await expect.poll(() => modal.locator('cb-log-call-form strong').innerText()).toBe('Hedy Lamarr');
    await fillAndSave(modal, { direction: 'Outgoing', outcome: 'Busy', duration: '15', notes: 'Line busy, try Friday' });
    await modalClosed(page);
    const rows = await rowsWhen(panel, 'show the logged call', (r) => r.length === 2);
    expect(rows[0]).toMatch(/^Outgoing · Busy\s+0:15 · .*Line busy, try Friday$/s);
    expect(rows[1]).toBe(seeded[0]);
    expect(await unchanged()).toEqual([true, true]);

    const logged = await newCalls(product, before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ targetable_type: 'Lead', targetable_id: 501, call_direction: false, call_duration: 15, outcome: 'Busy' });

    await page.getByTestId('next').click();
    await expect.poll(() => page.getByTestId('record-name').innerText()).toBe('Claude Shannon');
    await expect.poll(async () => emptyState(await frameOf(page, 'lead_entity_menu')), { timeout: 15_000 }).toBe(NO_CALLS);
    expect(await unchanged()).toEqual([true, true]);
    expect(errors).toEqual([]);
  });
});

describe('modal size', () => {
  // The product's modal is 420 px tall at a 1280 x 720 window: the form fits, and its buttons stay in view when it
  // grows (field errors) and scrolls.
  it.each(PRODUCTS)('%s: "Log a call" fits a 720 px window, Save in view, with field errors too', async (product) => {
    context = await openContext(browser, app.url, { viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const panel = await openPanel(page, `/${product}/contacts/101`);
    expect(await settledRows(panel)).toHaveLength(2);
    const modal = await openLogCallModal(page, panel);
    const frame = (await page.locator('iframe[data-fdk-location="modal"]').last().boundingBox())!;
    const save = modal.getByRole('button', { name: 'Save' });
    const inView = async () => {
      const box = (await save.boundingBox())!;
      return box.y >= frame.y && box.y + box.height <= frame.y + frame.height && box.y + box.height <= 720;
    };
    expect(await inView(), 'Save is inside the modal and the window').toBe(true);
    expect(await modal.evaluate(() => document.documentElement.scrollHeight <= innerHeight), 'the form fits without scrolling').toBe(true);
    await modal.getByLabel('Duration (mm:ss or seconds)').fill('soon');
    await save.click();
    await modal.getByText('Choose an outcome.').waitFor();
    expect(await inView(), 'Save stays in view with the errors shown').toBe(true);
  });
});

describe('panel size', () => {
  // The panel asks for its height (`instance.resize`) whenever it or its children (numbers, calls) change size, so
  // the INTEGRATIONS frame never cuts off the calls or "Log a call".
  it('the contact panel grows to show everything it renders', async () => {
    const { page } = await newPage();
    const panel = await openPanel(page, '/freshworks_crm/contacts/101');
    expect(await settledRows(panel)).toHaveLength(2);
    const iframe = page.locator('iframe[data-fdk-location="contact_entity_menu"]');
    const needed = () => panel.evaluate(() => document.documentElement.scrollHeight);
    await expect
      .poll(async () => (await iframe.boundingBox())!.height >= (await needed()), { timeout: 2_000, message: 'the panel frame is as tall as its content' })
      .toBe(true);
  });
});
