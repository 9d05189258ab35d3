import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appFrame, launchChromium, openContext, textOf } from './support/browser';
import { startFixture } from './support/emulator';

let browser: Browser;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);
afterAll(() => browser?.close());
afterEach(async () => {
  for (const each of open.splice(0).reverse()) await each.close();
});

async function start(fixture: string, options: Parameters<typeof startFixture>[1] = {}): Promise<{ page: Page; context: BrowserContext; emulator: Awaited<ReturnType<typeof startFixture>> }> {
  const emulator = await startFixture(fixture, options);
  open.push(emulator);
  const context = await openContext(browser, emulator.url);
  open.push(context);
  return { page: await context.newPage(), context, emulator };
}

describe('apps modelled on public samples, in a real browser', { timeout: 30_000 }, () => {
  it('runs the 2.1 CTI tutorial app: click-to-call, data, notifications, navigation and hide', async () => {
    const { page } = await start('cti-2.1');
    await page.goto('/freshworks_crm/contacts/101');
    await page.locator('[data-fdk-call="+14155550112"]').click();
    const cti = appFrame(page, 'left_nav_cti');
    await textOf(cti.locator('#appText'), 'Clicked phone number: +14155550112');
    expect(await page.locator('iframe[data-fdk-location="left_nav_cti"]').evaluate((f) => (f as HTMLIFrameElement).style.height)).toBe('450px');
    await cti.locator('#btnGetUser').click();
    await textOf(page.getByTestId('toast').last(), "User's name: Riya Rep");
    await cti.locator('#btnGetProductDetails').click();
    await textOf(page.getByTestId('toast').last(), 'Domain: acme.myfreshworks.com, Product: freshworks_crm');
    await cti.locator('#btnGoToContact').click();
    await textOf(page.getByTestId('record-name'), 'Alan Turing');
    await cti.locator('#btnClose').click();
    await textOf(page.getByTestId('toast').last(), 'Successfully closed the CTI app.');
    expect(await page.getByTestId('dock-left_nav_cti').isHidden()).toBe(true);
  });

  it('runs a 2.0 Freshsales app with .fail(), a modal form and the instance_id / sender spellings', async () => {
    const { page } = await start('modal-2.0');
    await page.goto('/freshsales/contacts/102');
    await page.getByTestId('panel-contact_entity_menu').click();
    const app = appFrame(page, 'contact_entity_menu');
    await textOf(app.locator('#contactName'), 'Grace Hopper');
    await app.locator('#showModal').click();
    const modal = appFrame(page, 'modal');
    await expect.poll(() => modal.locator('#healthTier').inputValue()).toBe('at_risk');
    await modal.locator('#healthTier').selectOption('critical');
    await modal.locator('#submit').click();
    await textOf(app.locator('#health'), /^critical \(from \d+ to \d+\)$/);
    await expect.poll(() => page.getByTestId('modal').count()).toBe(0);
  });

  it('installs a 2.2 app through its iparams.html: data-bind, validate(), postConfigs() with __meta.secure, getConfigs() on edit', async () => {
    const { page, emulator } = await start('iparams-html-2.2');
    await page.goto('/custom_configs');
    const form = appFrame(page, 'installation');
    await textOf(form.locator('#product'), 'Installing in freshsales');
    await expect.poll(() => form.locator('#api_key').inputValue()).toBe('fake-classic-key');
    await expect.poll(() => form.locator('#domain').inputValue()).toBe('acme.freshsales.io');
    await form.locator('#first_name').fill('Ada');
    await form.locator('#last_name').fill('L0velace');
    await form.locator('#department').selectOption(['Support']);
    await page.getByTestId('install').click();
    await textOf(page.getByTestId('install-errors'), 'validate() returned false');
    expect(await form.locator('#error_div').isVisible()).toBe(true);
    await form.locator('#last_name').fill('Lovelace');
    await page.getByTestId('install').click();
    await textOf(page.getByTestId('install-status'), /^Installed /);
    expect(emulator.context.installations.get('freshsales')).toMatchObject({ secure: ['api_key'], values: { api_key: 'fake-classic-key', department: ['Support'] } });

    await page.goto('/freshsales/apps/full_page_app');
    const settings = appFrame(page, 'full_page_app').locator('#settings');
    await textOf(settings, /"first_name":"Ada"/);
    expect(await settings.textContent()).not.toContain('fake-classic-key');

    await page.goto('/custom_configs?product=freshsales');
    await expect.poll(() => appFrame(page, 'installation').locator('#first_name').inputValue()).toBe('Ada');
    expect(await appFrame(page, 'installation').locator('#department').evaluate((s) => [...(s as HTMLSelectElement).selectedOptions].map((o) => o.value))).toEqual(['Support']);
    await page.getByTestId('uninstall').click();
    await textOf(page.getByTestId('install-status'), 'Not installed.');
    expect(emulator.context.installations.get('freshsales')).toBeUndefined();
  });

  it('installs a 2.3 app through iparams.json: field checks, change callbacks with utils.set, secure kept on edit', async () => {
    const { page, emulator } = await start('dynamic-iparams-2.3');
    await page.goto('/custom_configs');
    const form = appFrame(page, 'installation');
    await expect.poll(() => form.locator('#iparam-domainName').inputValue()).toBe('acme.freshsales.io');
    expect(await form.locator('#iparam-omnitrix').inputValue()).toBe('Grey Matter');
    expect(await form.locator('[data-iparam="secret_level"]').isHidden()).toBe(true);
    await form.locator('#iparam-hero').fill('Ben 10!');
    await form.locator('#iparam-email').fill('not-an-email');
    await form.locator('#iparam-signature').fill('Vilgax');
    await form.locator('#iparam-signature').blur();
    await textOf(form.locator('[data-error-for="signature"]'), 'Wrong Signature');
    await page.getByTestId('install').click();
    await textOf(form.locator('[data-error-for="hero"]'), 'Name validation failed');
    await textOf(form.locator('[data-error-for="email"]'), 'Email must be an email address.');
    expect(emulator.context.installations.get('freshsales')).toBeUndefined();

    await form.locator('#iparam-hero').fill('Tennyson');
    await form.locator('#iparam-email').fill('ben@plumbers.example');
    await form.locator('#iparam-signature').fill('Azmuth');
    await form.locator('#iparam-signature').blur();
    await expect.poll(() => form.locator('[data-iparam="secret_level"]').isVisible()).toBe(true);
    expect(await form.locator('#iparam-secret_level').inputValue()).toBe('Galvan');
    await page.getByTestId('install').click();
    await textOf(page.getByTestId('install-status'), /^Installed /);
    expect(emulator.context.installations.get('freshsales')).toMatchObject({
      secure: ['apiKey'],
      values: { hero: 'Tennyson', apiKey: 'fake-classic-key', aliens: ['Ditto'], notify: true, side: 'Hero', secret_level: 'Galvan' },
    });

    await page.goto('/custom_configs');
    expect(await appFrame(page, 'installation').locator('#iparam-apiKey').getAttribute('placeholder')).toBe('stored, leave blank to keep');
    await page.getByTestId('install').click();
    await textOf(page.getByTestId('install-status'), /^Installed /);
    expect(emulator.context.installations.get('freshsales')?.values.apiKey).toBe('fake-classic-key');

    await page.goto('/freshsales/contacts/101');
    await page.getByTestId('panel-contact_entity_menu').click();
    await textOf(appFrame(page, 'contact_entity_menu').locator('#hero'), 'Hero: Tennyson');
  });

  it('starts an app that fails validation and shows its findings on the home page', async () => {
    const { page } = await start('broken', {
      validate: () =>
        Promise.resolve({
          errors: [{ rule: 'manifest-schema', file: 'manifest.json', location: 'product', message: 'lists no product' }],
          warnings: [{ rule: 'complexity', file: 'app/scripts/app.js', location: '3:1', message: 'complexity 9 is over 7' }],
        }),
    });
    await page.goto('/');
    const findings = page.getByTestId('findings');
    await textOf(findings, /2 problems, 1 warning in this app/);
    await textOf(findings, 'manifest.json: product: lists no product');
    await textOf(findings, /manifest\.json product lists no product \(manifest-schema\)/);
    await textOf(findings, /complexity 9 is over 7/);
    await page.goto('/freshworks_crm/contacts/101');
    await textOf(page.getByRole('alert').first(), 'This app has 2 problems');
  });

  it('reloads open pages when the app folder changes', async () => {
    const { page, emulator } = await start('every-method', { watch: true });
    await page.goto('/freshworks_crm');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.waitForTimeout(300);
    await writeFile(join(emulator.dir, 'app/extra.html'), '<p>new</p>');
    await expect.poll(() => page.evaluate(() => (window as unknown as { marker?: number }).marker), { timeout: 5_000 }).toBeUndefined();
  });
});
