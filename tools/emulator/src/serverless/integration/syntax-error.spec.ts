import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServerlessFixture, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

let harness: ServerlessHarness;
let remove: () => Promise<void>;

beforeEach(async () => {
  const fixture = await copyServerlessFixture('serverless-syntax');
  remove = fixture.remove;
  harness = await startServerless({ appDir: fixture.dir });
});
afterEach(async () => {
  await harness.close();
  await remove();
});

describe('a server.js that does not compile', () => {
  it('is reported with file and line in the log and the findings; the emulator keeps serving and events answer 500 with that message', async () => {
    expect(harness.logs.some((line) => line.startsWith("error  server/server.js:4:18: SyntaxError: Unexpected token ';'"))).toBe(true);
    expect(harness.context.findings.errors).toEqual([{ rule: 'server-code', file: 'server/server.js', location: '4:18', message: "SyntaxError: Unexpected token ';'" }]);

    const event = await harness.post('/_emulator/events/onContactCreate', { product: 'freshworks_crm' });
    expect(event.body).toMatchObject({ ok: false, status: 500, error: { message: "server/server.js:4:18: SyntaxError: Unexpected token ';'" } });

    const page = await fetch(`${harness.url}/web/test`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('server.js cannot run: <code>server/server.js:4:18');
    expect((await harness.post('/_fdk/api/db', { product: 'freshworks_crm', action: 'set', key: 'k', value: { a: 1 } })).status).toBe(200);
  });

  it('recovers when the file is fixed and the app folder reloads', async () => {
    await writeFile(join(harness.context.appDir, 'server/server.js'), 'exports = { onContactCreateHandler: function () { console.log("fixed"); } };\n');
    harness.reload();
    await expect.poll(() => harness.context.findings.errors).toEqual([]);
    const event = await harness.post('/_emulator/events/onContactCreate', { product: 'freshworks_crm' });
    expect(event.body).toMatchObject({ ok: true, logs: [expect.objectContaining({ message: 'fixed' }) as unknown] });
  });

  it('names the required file and line when a local module does not compile', async () => {
    const dir = harness.context.appDir;
    await writeFile(join(dir, 'server/server.js'), "var helper = require('./lib/helper');\nexports = { onContactCreateHandler: function () { helper(); } };\n");
    await mkdir(join(dir, 'server/lib'), { recursive: true });
    await writeFile(join(dir, 'server/lib/helper.js'), 'module.exports = function () {\n  return {;\n};\n');
    harness.reload();
    await expect.poll(() => harness.context.findings.errors.map((f) => f.file)).toEqual(['server/lib/helper.js']);
    const event = await harness.post('/_emulator/events/onContactCreate', { product: 'freshworks_crm' });
    expect((event.body as { error: { message: string } }).error.message).toMatch(/^server\/lib\/helper\.js:2:\d+: SyntaxError: /);
  });
});
