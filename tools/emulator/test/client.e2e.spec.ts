import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appFrame, frameOf, launchChromium, openContext, textOf } from './support/browser';
import { startFixture } from './support/emulator';

const SECRET = 'sk-SECRET-9f3b';

/** How a client call settled, as the frame reports it. */
type Settled = { ok?: unknown; error?: { status: number; message: string; [key: string]: unknown } };
let emulator: Awaited<ReturnType<typeof startFixture>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [emulator, browser] = await Promise.all([
    startFixture('every-method', { iparams: { freshworks_crm: { greeting: 'Hello rep', region: 'EU', apiKey: SECRET } } }),
    launchChromium(),
  ]);
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});
beforeEach(async () => {
  context = await openContext(browser, emulator.url);
  page = await context.newPage();
});
afterEach(() => context.close());

async function openContactApp(id = 101) {
  await page.goto(`/freshworks_crm/contacts/${id}`);
  await page.getByTestId('panel-contact_entity_menu').click();
  const app = appFrame(page, 'contact_entity_menu');
  await textOf(app.locator('#status'), 'initialized');
  return app;
}

const output = async (app: ReturnType<typeof appFrame>, button: string, expected: RegExp) => {
  await app.locator('#output').evaluate((element) => (element.textContent = ''));
  await app.locator(`#${button}`).click();
  await textOf(app.locator('#output'), expected);
  return JSON.parse((await app.locator('#output').textContent())!) as { ok?: unknown; error?: Record<string, unknown> };
};

describe('the client in a real browser', { timeout: 30_000 }, () => {
  it('renders the entity menu minimized, then shows what data.get gives on open', async () => {
    await page.goto('/freshworks_crm/contacts/101');
    expect(await page.locator('iframe').count()).toBe(0);
    const app = await openContactApp();
    await textOf(app.locator('#record'), 'Ada Lovelace');
    await textOf(app.locator('#user'), 'Riya Rep');
    await textOf(app.locator('#domain'), 'acme.myfreshworks.com');
    await textOf(app.locator('#product'), 'freshworks_crm');
    await textOf(app.locator('#instance'), /^\d+ contact_entity_menu$/);
    await textOf(app.locator('#lifecycle'), 'activated contact 101 Ada Lovelace');
  });

  it('exercises every client method', async () => {
    const app = await openContactApp();
    expect((await output(app, 'iparams', /ok/)).ok).toEqual({ greeting: 'Hello rep', region: 'EU' });
    const unknown = (await output(app, 'unknown-action', /error/)).error!;
    expect(Object.keys(unknown).sort()).toEqual(['message', 'status']);
    expect(unknown.status).toBe(400);
    expect(unknown.message).toMatch(/^interface\.trigger: unknown action "doSomething"/);
    const wrong = (await output(app, 'wrong-object', /error/)).error!;
    expect([wrong.status, wrong.message]).toEqual([400, 'data.get("deal") works in deal_entity_menu on a deal page; this instance is in contact_entity_menu.']);
    const missing = (await output(app, 'db', /error/)).error!;
    expect(missing.status).toBe(404);
    expect(typeof missing.message).toBe('string');

    await app.locator('#notify').click();
    await textOf(page.getByTestId('toast'), 'Call note saved');

    await app.locator('#confirm').click();
    await page.getByTestId('confirm').getByRole('button', { name: 'Delete' }).click();
    await textOf(app.locator('#output'), '{"ok":{"message":"Save"}}');
    await app.locator('#confirm').click();
    await page.getByTestId('confirm').getByRole('button', { name: 'Keep' }).click();
    await textOf(app.locator('#output'), '{"ok":{"message":"Cancel"}}');

    const frame = await frameOf(page, 'contact_entity_menu');
    const results = await frame.evaluate(async () => {
      const client = (window as unknown as { client: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> }).client;
      const settle = (promise: Promise<unknown>): Promise<Settled> => promise.then((ok) => ({ ok }), (error: unknown) => ({ error: error as Settled['error'] }));
      return {
        instances: (await client.instance!.get!()) as { instanceId: string; location: string }[],
        resize: await settle(client.instance!.resize!({ height: 900 })),
        badResize: await settle(client.instance!.resize!({ height: 'tall' })),
        secure: await settle(client.iparams!.get!('apiKey')),
        greeting: await client.iparams!.get!('greeting'),
        dbSet: await settle(client.db!.set!('last-call', { number: '+1' })),
        dbGet: await settle(client.db!.get!('last-call')),
        request: await settle(client.request!.invokeTemplate!('missing', {})),
        invoke: await settle(client.request!.invoke!('nothing', {})),
        badModal: await settle(client.interface!.trigger!('showModal', { title: 'x'.repeat(31), template: 'modal.html' })),
        show: await settle(client.interface!.trigger!('show', { id: 'contact', value: 999 })),
        failAlias: await (client.data!.get!('ticket') as Promise<unknown> & { fail(cb: (e: unknown) => unknown): Promise<unknown> }).fail((e) => ({ failed: e })),
      };
    });
    expect(results.instances).toHaveLength(1);
    expect(results.instances[0]!.location).toBe('contact_entity_menu');
    expect(results.instances[0]!.instanceId).toMatch(/^\d+$/);
    expect(results.resize).toEqual({ ok: undefined });
    expect(await page.locator('iframe[data-fdk-location="contact_entity_menu"]').evaluate((f) => (f as HTMLIFrameElement).style.height)).toBe('700px');
    expect(results.badResize).toMatchObject({ error: { status: 400 } });
    expect(results.secure).toMatchObject({ error: { status: 403 } });
    expect(results.greeting).toEqual({ greeting: 'Hello rep' });
    expect(results.dbSet).toEqual({ ok: { Created: true } });
    expect(results.dbGet).toEqual({ ok: { number: '+1' } });
    expect(results.request.error?.status).toBeGreaterThanOrEqual(400);
    expect(typeof results.request.error?.message).toBe('string');
    expect(results.invoke.error?.status).toBeGreaterThanOrEqual(400);
    expect(results.badModal.error?.status).toBe(400);
    expect(results.badModal.error?.message).toMatch(/title must be at most 30/);
    expect(results.show).toMatchObject({ error: { status: 404 } });
    expect(results.failAlias).toMatchObject({ failed: { status: 400 } });

    await app.locator('#show-phone').click();
    await textOf(appFrame(page, 'left_nav_cti').locator('#lifecycle'), 'activated');
    await appFrame(page, 'left_nav_cti').locator('#hide').click();
    await expect.poll(() => page.getByTestId('dock-left_nav_cti').isHidden()).toBe(true);
  });

  it('round-trips a modal: data in, a message back to the opener, closed', async () => {
    const app = await openContactApp();
    const parentId = (await app.locator('#instance').textContent())!.split(' ')[0];
    await app.locator('#open-modal').click();
    const modal = appFrame(page, 'modal');
    await textOf(modal.locator('#name'), 'Ada Lovelace');
    await textOf(modal.locator('#parent'), parentId!);
    await expect.poll(() => page.getByTestId('modal').getByText('Call note').isVisible()).toBe(true);
    await modal.locator('#note').fill('Wants a demo on Friday');
    await modal.locator('#send').click();
    await textOf(app.locator('#from-modal'), '{"note":"Wants a demo on Friday"}');
    await expect.poll(() => page.getByTestId('modal').count()).toBe(0);
    expect(await page.locator('iframe[data-fdk-location="modal"]').count()).toBe(0);
  });

  it('fires app.deactivated then app.activated with the new record on navigation, and on collapse and reopen', async () => {
    const app = await openContactApp();
    await textOf(app.locator('#record'), 'Ada Lovelace');
    await page.getByTestId('next').click();
    await textOf(page.getByTestId('record-name'), 'Grace Hopper');
    await textOf(app.locator('#record'), 'Grace Hopper');
    const lifecycle = await app.locator('#lifecycle li').allTextContents();
    expect(lifecycle).toEqual(['activated contact 101 Ada Lovelace', 'deactivated contact 101', 'activated contact 102 Grace Hopper']);
    expect(new URL(page.url()).pathname).toBe('/freshworks_crm/contacts/102');

    await app.locator('#show-next').click();
    await textOf(page.getByTestId('record-name'), 'Alan Turing');
    await textOf(app.locator('#lifecycle'), /deactivated contact 102activated contact 103 Alan Turing$/);

    await page.getByTestId('panel-contact_entity_menu').click();
    await textOf(app.locator('#lifecycle'), /deactivated contact 103$/);
    await page.getByTestId('panel-contact_entity_menu').click();
    await textOf(app.locator('#lifecycle'), /deactivated contact 103activated contact 103 Alan Turing$/);

    // A full page load starts a new app instance; the panel the rep left open opens again and is activated.
    await page.goto('/freshworks_crm/contacts/104');
    await textOf(appFrame(page, 'contact_entity_menu').locator('#lifecycle'), /^activated contact 104 Katherine Johnson$/);
  });

  it('never lets a secure iparam reach the app frames', async () => {
    const responses: string[] = [];
    page.on('response', (response) => {
      if (!/\.(js|css|svg)$/.test(new URL(response.url()).pathname)) void response.text().then((body) => responses.push(body), () => {});
    });
    const app = await openContactApp();
    await output(app, 'iparams', /ok/);
    const frame = await frameOf(page, 'contact_entity_menu');
    await frame.evaluate(() => (window as unknown as { client: { iparams: { get(key: string): Promise<unknown> } } }).client.iparams.get('apiKey').catch(() => null));
    await app.locator('#open-modal').click();
    await textOf(appFrame(page, 'modal').locator('#name'), 'Ada Lovelace');

    const seen: string[] = [];
    for (const each of page.frames()) seen.push(...(await each.evaluate(() => window.__fdkSeen ?? [])), await each.content());
    expect(seen.join('\n')).toContain('Hello rep');
    expect(seen.join('\n')).not.toContain(SECRET);
    expect(responses.join('\n')).not.toContain(SECRET);
    expect(emulator.context.installations.get('freshworks_crm')?.values.apiKey).toBe(SECRET);
  });

  it('ignores malformed and foreign messages, and keeps answering', async () => {
    const app = await openContactApp();
    await textOf(app.locator('#record'), 'Ada Lovelace');
    const frame = await frameOf(page, 'contact_entity_menu');
    const strayReplies = await frame.evaluate(async () => {
      const envelope = { marker: 'fdk-emulator', v: 1 };
      parent.postMessage('garbage', '*');
      parent.postMessage({ ...envelope, kind: 'call', id: 'bad-1', method: 'eval', args: [] }, '*');
      parent.postMessage({ ...envelope, kind: 'call', id: 'bad-2', method: 'data.get', args: 'loggedInUser' }, '*');
      parent.postMessage({ marker: 'fdk-emulator', kind: 'call', id: 'bad-3', method: 'data.get', args: ['loggedInUser'] }, '*');
      // An event from anyone but the host page (here: the app's own window) must not reach the app's callbacks.
      window.postMessage({ ...envelope, kind: 'event', id: 'e-1', name: 'app.activated', data: {} }, location.origin);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return (window.__fdkSeen ?? []).filter((message) => /"id":"bad-|"id":"e-1"/.test(message) && !message.includes('"kind":"event"'));
    });
    expect(strayReplies).toEqual([]);
    // A valid call from a frame the host did not create (an opaque-origin sandbox) gets no answer either.
    await page.evaluate(() => {
      const sandbox = document.createElement('iframe');
      sandbox.setAttribute('sandbox', 'allow-scripts');
      sandbox.srcdoc = `<script>parent.postMessage({marker:'fdk-emulator',v:1,kind:'call',id:'sandbox-1',method:'data.get',args:['loggedInUser']},'*');</script>`;
      document.body.append(sandbox);
    });
    await page.waitForTimeout(200);
    expect((await app.locator('#lifecycle li').allTextContents()).filter((line) => line.startsWith('activated'))).toHaveLength(1);
    expect((await output(app, 'iparams', /ok/)).ok).toEqual({ greeting: 'Hello rep', region: 'EU' });
  });

  it('dials from a phone number with the CTI app, which stays alive across navigation', async () => {
    await page.goto('/freshworks_crm/contacts/101');
    await page.locator('[data-fdk-call="+14155550111"]').first().click();
    const cti = appFrame(page, 'left_nav_cti');
    await textOf(cti.locator('#dialing'), 'Dialing +14155550111');
    const ctiFrame = await frameOf(page, 'left_nav_cti');
    await ctiFrame.evaluate(() => ((window as unknown as { born: string }).born = 'before'));
    await page.getByTestId('next').click();
    await textOf(page.getByTestId('record-name'), 'Grace Hopper');
    expect(await ctiFrame.evaluate(() => (window as unknown as { born?: string }).born)).toBe('before');
    await page.getByTestId('nav-phone').click();
    await textOf(cti.locator('#lifecycle'), /activated\s*deactivated$/);
  });

  it('hears contact.update when the record changes, and shows the full-page app', async () => {
    const app = await openContactApp();
    await textOf(app.locator('#record'), 'Ada Lovelace');
    await page.locator('details summary').click();
    await page.locator('#edit-job_title').fill('Countess');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await textOf(app.locator('#lifecycle'), /contact\.update 101$/);
    await textOf(page.locator('dd[data-field="job_title"]'), 'Countess');

    const frame = await frameOf(page, 'contact_entity_menu');
    await frame.evaluate(() => (window as unknown as { client: { interface: { trigger(a: string, b: unknown): Promise<unknown> } } }).client.interface.trigger('open', { id: 'contact' }));
    const form = page.getByTestId('create-form');
    await form.locator('#create-first_name').fill('Mary');
    await form.locator('#create-last_name').fill('Jackson');
    await form.getByRole('button', { name: 'Save' }).click();
    await textOf(page.getByTestId('record-name'), 'Mary Jackson');
    await textOf(app.locator('#record'), 'Mary Jackson');

    await page.getByTestId('nav-full-page').click();
    await textOf(appFrame(page, 'full_page_app').locator('#status'), 'ready on acme.myfreshworks.com');
    expect(await page.locator('iframe[data-fdk-location="contact_entity_menu"]').count()).toBe(0);
  });
});
