import { chromium, type Browser, type BrowserContext, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

declare global {
  interface Window {
    /** Every message this frame received, serialised: what the secure-iparam test searches. */
    __fdkSeen?: string[];
  }
}

/**
 * A browser context for one emulator: other hosts are refused (apps run offline), and every frame records the
 * messages it receives.
 */
export async function openContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await context.route(
    (url) => !url.href.startsWith(baseURL),
    (route) => route.abort(),
  );
  await context.addInitScript(() => {
    window.__fdkSeen = [];
    window.addEventListener('message', (event) => {
      try {
        window.__fdkSeen!.push(JSON.stringify(event.data));
      } catch {
        window.__fdkSeen!.push(String(event.data));
      }
    });
  });
  return context;
}

export const appFrame = (page: Page, location: string): FrameLocator => page.frameLocator(`iframe[data-fdk-location="${location}"]`);

/** The Frame of an app iframe, to evaluate in the app's own window. */
export async function frameOf(page: Page, location: string): Promise<Frame> {
  const handle = await page.locator(`iframe[data-fdk-location="${location}"]`).last().elementHandle();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no ${location} frame on the page`);
  return frame;
}

export async function textOf(locator: Locator, expected: string | RegExp, timeout = 5_000): Promise<void> {
  await expect.poll(async () => (await locator.textContent({ timeout })) ?? '', { timeout, interval: 50 }).toMatch(expected);
}
