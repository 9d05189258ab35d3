import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

let dir: string;
let harness: ServerlessHarness;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'smi-'));
  await mkdir(join(dir, 'server'));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({ 'platform-version': '2.1', product: { freshworks_crm: { events: { onAppInstall: { handler: 'install' }, onAppUninstall: { handler: 'uninstall' } } } } }),
  );
  await writeFile(
    join(dir, 'server/server.js'),
    `exports = {
      install: function (payload) { if (payload.iparams.fail) renderData({ status: 503 }); else renderData(); },
      uninstall: function () { renderData({ message: 'cannot clean up' }); },
      echo: function (args) { renderData(null, { note: args.note, hasEvent: 'event' in args, iparams: args.iparams }); },
    };`,
  );
  harness = await startServerless({ appDir: dir });
});
afterEach(async () => {
  await harness.close();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('server methods before platform 2.2', () => {
  it('run any exported function without a manifest declaration, with the payload and the iparams', async () => {
    await harness.post('/_emulator/install', { product: 'freshworks_crm', iparams: { region: 'eu' } });
    expect(await harness.post('/_fdk/api/invoke', { product: 'freshworks_crm', name: 'echo', payload: { note: 'hi' } })).toMatchObject({
      status: 200,
      body: { response: { note: 'hi', hasEvent: false, iparams: { region: 'eu' } } },
    });
    expect(await harness.post('/_fdk/api/invoke', { product: 'freshworks_crm', name: 'absent' })).toMatchObject({ status: 404 });
    expect(await harness.post('/_fdk/api/invoke', { product: 'freshsales', name: 'echo' })).toMatchObject({ status: 400, body: { message: 'product: the app does not run in freshsales' } });
    expect(await harness.post('/_emulator/functions/echo', { product: 'freshsales' })).toMatchObject({ status: 400, body: { field: 'product' } });
  });
});

describe('setup events', () => {
  it('fail an install with the status when onAppInstall answers an error without a message; a failing onAppUninstall is logged', async () => {
    expect(await harness.post('/_emulator/install', { product: 'freshworks_crm', iparams: { fail: true } })).toEqual({
      status: 422,
      body: { ok: false, errors: [{ iparam: '(install)', message: 'onAppInstall failed with status 503' }] },
    });
    expect(await harness.post('/_emulator/install', { product: 'freshsales', iparams: {} })).toMatchObject({ status: 400, body: { field: 'product' } });
    await harness.post('/_emulator/install', { product: 'freshworks_crm', iparams: {} });
    expect(await harness.post('/_emulator/uninstall', { product: 'freshworks_crm' })).toEqual({ status: 200, body: { ok: true, uninstalled: true } });
    expect(harness.logs).toContain('onAppUninstall failed in freshworks_crm (500 cannot clean up); uninstalled anyway');
    expect(await harness.post('/_emulator/uninstall', { product: 'freshworks_crm' })).toEqual({ status: 200, body: { ok: true, uninstalled: false } });
  });
});
