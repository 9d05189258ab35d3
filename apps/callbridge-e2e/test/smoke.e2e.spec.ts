import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { launchChromium, openContext, openPanel } from './support/browser';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the built app in the emulator', () => {
  it.each(['freshworks_crm', 'freshsales'])('installs in %s and shows a contact\'s recent calls', async (product) => {
    expect(app.logs).toContain(`Installed in ${product}.`);
    const context = await openContext(browser, app.url);
    const page = await context.newPage();
    const panel = await openPanel(page, `/${product}/contacts/101`);
    await expect.poll(() => panel.locator('cb-call-list li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await context.close();
  });
});
