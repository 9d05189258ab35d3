import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Frame, type Page } from 'playwright-core';

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A browser context for one emulator run; every other host is refused, as the app runs offline. `options` adds
 * context settings, e.g. `{timezoneId: 'UTC', locale: 'en-US'}` for tests that read formatted times.
 */
export async function openContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, baseURL });
  await context.route(
    (url) => !url.href.startsWith(baseURL),
    (route) => route.abort(),
  );
  return context;
}

/** Opens a record page and expands the app's panel in INTEGRATIONS; answers the panel's frame. */
export async function openPanel(page: Page, path: string, location = 'contact_entity_menu'): Promise<Frame> {
  await page.goto(path);
  await page.getByTestId(`panel-${location}`).click();
  return frameOf(page, location);
}

/** The frame of the newest app iframe at `location` (`modal` for modals). */
export async function frameOf(page: Page, location: string): Promise<Frame> {
  const iframe = page.locator(`iframe[data-fdk-location="${location}"]`).last();
  await iframe.waitFor({ state: 'attached' });
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no ${location} frame on the page`);
  return frame;
}
