import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { copyServerlessFixture } from '../../../test/support/serverless-harness';

/** The whole emulator, every area, as `fdkit run` starts it. */
let emulator: Emulator | undefined;
let remove: (() => Promise<void>) | undefined;
afterEach(async () => {
  await emulator?.close();
  await remove?.();
});

describe('startEmulator with the serverless area', () => {
  it('keeps the front end running when server.js does not compile', async () => {
    const fixture = await copyServerlessFixture('serverless-syntax');
    remove = fixture.remove;
    const lines: string[] = [];
    emulator = await startEmulator({ appDir: fixture.dir, port: 0, log: (line) => lines.push(line) });
    expect(lines).toContainEqual(expect.stringContaining("server/server.js:4:18: SyntaxError: Unexpected token ';'") as unknown);
    expect(emulator.context.findings.errors.map((f) => f.rule)).toContain('server-code');

    const home = await fetch(emulator.url);
    expect(home.status).toBe(200);
    expect((await fetch(`${emulator.url}/web/test`)).status).toBe(200);
    const event = await fetch(`${emulator.url}/_emulator/events/onContactCreate`, { method: 'POST', body: JSON.stringify({ product: 'freshworks_crm' }) });
    expect(await event.json()).toMatchObject({ ok: false, status: 500 });
  });

  it('installs at start with --iparams and fires product events when records change', async () => {
    const fixture = await copyServerlessFixture('serverless-omni');
    remove = fixture.remove;
    const lines: string[] = [];
    emulator = await startEmulator({ appDir: fixture.dir, port: 0, log: (line) => lines.push(line), iparams: { subdomain: 'acme', api_key: 'sekret' } });
    expect(emulator.context.installations.get('freshsales')).toBeDefined();
    emulator.context.store.create('freshsales', 'contacts', { first_name: 'Via', last_name: 'Store' });
    await expect.poll(() => lines.some((line) => line.startsWith('[freshsales onContactCreate] EVENT'))).toBe(true);
  });
});
