// Panel ready: from the panel iframe's navigation start to its calls on screen (the panel's User Timing mark),
// in the emulator with headless Chromium, against an empty template that marks on app.activated, same harness.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startEmulator } from '@callbridge/emulator';
import { median, percentile, workspaceRoot } from './workspace.mts';

export const READY_MARK = 'callbridge:panel-ready';

export interface PanelFigures {
  loads: number;
  callbridge: { medianMs: number; p95Ms: number };
  emptyTemplate: { medianMs: number; p95Ms: number };
  ratio: number;
}

/** The smallest app a placeholder can hold: the client, and a mark once the product activates it. */
async function emptyTemplateApp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-empty-'));
  await mkdir(join(dir, 'app'), { recursive: true });
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({ 'platform-version': '2.1', product: { freshworks_crm: { location: { contact_entity_menu: { url: 'index.html', icon: 'icon.svg' } } } } }),
  );
  await writeFile(join(dir, 'app/icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"/>');
  await writeFile(
    join(dir, 'app/index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><script src="https://static.freshdev.io/fdk/2.0/assets/fresh_client.js"></script></head><body><script>
app.initialized().then(function (client) { client.events.on('app.activated', function () { performance.mark('${READY_MARK}'); }); });
</script></body></html>`,
  );
  return dir;
}

async function readyTimes(browser: Browser, appDir: string, loads: number, iparams?: Record<string, unknown>): Promise<number[]> {
  const emulator = await startEmulator({ appDir, port: 0, log: () => {}, ...(iparams ? { iparams } : {}) });
  try {
    const context = await browser.newContext({ baseURL: emulator.url });
    await context.route((url) => !url.href.startsWith(emulator.url), (route) => route.abort());
    const times: number[] = [];
    for (let i = 0; i < loads; i += 1) {
      const page = await context.newPage();
      await page.goto('/freshworks_crm/contacts/101');
      await page.getByTestId('panel-contact_entity_menu').click();
      const handle = await page.locator('iframe[data-fdk-location="contact_entity_menu"]').last().elementHandle();
      const frame = await handle!.contentFrame();
      const ms = await frame!.waitForFunction(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime,
        READY_MARK,
        { timeout: 20_000, polling: 20 },
      );
      times.push((await ms.jsonValue()) as number);
      await page.close();
    }
    await context.close();
    return times;
  } finally {
    await emulator.close();
  }
}

export async function measurePanel(loads = 20): Promise<PanelFigures> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const empty = await emptyTemplateApp();
  const app = await mkdtemp(join(tmpdir(), 'bench-app-'));
  try {
    // A copy, so the benchmark's installs and $db never touch dist/fdk/.fdk.
    const { cp, readFile } = await import('node:fs/promises');
    await cp(join(workspaceRoot, 'dist/fdk'), app, { recursive: true });
    const iparams = JSON.parse(await readFile(join(workspaceRoot, 'demo/iparams.json'), 'utf8')) as Record<string, unknown>;
    // The product shows an app only where it is installed; the empty template has no settings to give.
    const emptyTimes = await readyTimes(browser, empty, loads, { freshworks_crm: {} });
    const appTimes = await readyTimes(browser, app, loads, iparams);
    const callbridge = { medianMs: median(appTimes), p95Ms: percentile(appTimes, 95) };
    const emptyTemplate = { medianMs: median(emptyTimes), p95Ms: percentile(emptyTimes, 95) };
    return { loads, callbridge, emptyTemplate, ratio: callbridge.medianMs / emptyTemplate.medianMs };
  } finally {
    await browser.close();
    await rm(empty, { recursive: true, force: true });
    await rm(app, { recursive: true, force: true });
  }
}
