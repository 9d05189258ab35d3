import type { RequestsJson } from '@callbridge/core';
import { createFakeDb, createFakeRequestApi, createFakeSchedule } from '@callbridge/core/testing';
import { createAircallMock } from '@callbridge/phone-provider/testing';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addedExports, buildServer, readServerlessPart, serverEntry } from '../scripts/build';
import { serverlessPart } from '../src/app-part';

let outdir: string;
let source: string;
let part: { platformVersion: string; requests: Record<string, { schema: { host: string } }>; functions: { name: string }[] };
/** What `src/exports/` and `src/app-part/` add to the static lists. */
let added: { exports: string[]; functions: string[]; requests: string[] };

const http = setupServer();
beforeAll(async () => {
  http.listen({ onUnhandledRequest: 'error' });
  outdir = await mkdtemp(join(tmpdir(), 'cb-serverless-'));
  source = await readFile(await buildServer(outdir, '2.1'), 'utf8');
  part = JSON.parse(await readFile(join(outdir, 'app-part.json'), 'utf8')) as typeof part;
  const discovered = await readServerlessPart();
  added = {
    exports: await addedExports(),
    functions: discovered.functions.slice(serverlessPart.functions.length).map((f) => f.name),
    requests: discovered.requestTemplates.slice(serverlessPart.requestTemplates.length).map((t) => t.name),
  };
}, 60_000);
afterAll(async () => {
  http.close();
  await rm(outdir, { recursive: true, force: true });
});

type Handler = (payload: unknown) => Promise<void> | void;

/**
 * Loads server.js the way the platform does: a fresh vm context whose `exports` holds the handlers, with only the
 * platform's globals in it (no setTimeout, Buffer, process, TextEncoder...).
 */
function load(globals: Record<string, unknown> = {}) {
  const answers: unknown[][] = [];
  const module = { exports: {} };
  const context = { module, exports: module.exports, console: { info: () => undefined, warn: () => undefined, error: () => undefined }, renderData: (...args: unknown[]) => answers.push(args), ...globals };
  runInNewContext(source, context, { filename: 'server.js' });
  return { handlers: context.exports as Record<string, Handler>, answers, context };
}

const HANDLERS = [
  'createPlaceholderContact',
  'currentCall',
  'dial',
  'findByPhone',
  'listCalls',
  'logCall',
  'onAppInstall',
  'onAppUninstall',
  'onContactCreate',
  'onContactUpdate',
  'onDealCreate',
  'onDealUpdate',
  'onExternalEvent',
  'onLeadCreate',
  'onLeadDelete',
  'onLeadUpdate',
  'onScheduledEvent',
  'openDeals',
];

const envelope = (event: string, iparams: Record<string, unknown> = {}) => ({
  account_id: '1',
  domain: 'acme.myfreshworks.com',
  event,
  region: 'US',
  timestamp: Date.now(),
  productContext: { name: 'freshworks_crm', url: 'https://acme.myfreshworks.com/crm' },
  iparams,
});

describe('server.js bundle', () => {
  it('is one CommonJS file whose exports hold every handler and server method', () => {
    const { handlers } = load();
    expect(Object.keys(handlers).sort()).toEqual([...HANDLERS, ...added.exports].sort());
  });

  it('needs nothing the platform sandbox lacks', () => {
    expect(source).not.toMatch(/\brequire\(/);
    const { context } = load();
    expect(runInNewContext('[typeof setTimeout, typeof setImmediate, typeof Buffer, typeof process, typeof TextEncoder].join()', context)).toBe(
      'undefined,undefined,undefined,undefined,undefined',
    );
  });

  it('runs a handler inside the sandbox and answers through renderData, even with no other global', async () => {
    const { handlers, answers } = load();
    await handlers.onAppUninstall!({});
    expect(answers).toEqual([[null, { webhook: 'failed', schedule: 'failed', problems: [expect.any(String), expect.any(String)] }]]);
  });

  it('installs inside the sandbox: $request with iparams left to the platform, $db, $schedule', async () => {
    const aircall = createAircallMock({ webhookToken: 'tok' });
    http.use(...aircall.handlers);
    const iparams = { phone_api_id: 'aircall-id', phone_api_token: 'aircall-token', crm_domain: 'acme.myfreshworks.com', crm_api_key: 'k' };
    const $db = createFakeDb();
    const { handlers, answers } = load({
      $db,
      $schedule: createFakeSchedule(),
      $request: createFakeRequestApi({ iparams, platformVersion: '2.1' }),
      generateTargetUrl: () => Promise.resolve('https://platform.test/hook'),
    });
    await handlers.onAppInstall!(envelope('onAppInstall', iparams));
    expect(answers).toEqual([[null, { webhook: 'registered', schedule: 'created' }]]);
    expect($db.dump()['hook:phone']).toMatchObject({ token: 'tok' });
    expect([...aircall.webhooks.values()][0]).toMatchObject({ url: 'https://platform.test/hook' });
  });

  it('keeps the phone index inside the sandbox', async () => {
    const $db = createFakeDb();
    const { handlers, answers } = load({ $db });
    await handlers.onContactCreate!({ ...envelope('onContactCreate'), data: { contact: { id: 7, first_name: 'Jane', last_name: 'Doe', mobile_number: '+14155550111', work_number: null } } });
    expect(answers).toEqual([[null, { indexed: 1, removed: 0 }]]);
    expect($db.dump()['ph:14155550111']).toEqual({ refs: [{ type: 'contact', id: 7, name: 'Jane Doe' }] });
  });

  it('writes the request templates for the assembler, for every platform version', () => {
    expect(part.platformVersion).toBe('2.1');
    expect(Object.keys(part.requests)).toHaveLength(7 + 11 + 12 + added.requests.length);
    const hosts = new Set(Object.entries(part.requests).filter(([name]) => !added.requests.includes(name)).map(([, r]) => r.schema.host));
    expect(hosts).toEqual(new Set(['api.aircall.io', '<%= iparam.crm_domain %>']));
    expect(part.functions.map((f) => f.name).sort()).toEqual(['createPlaceholderContact', 'currentCall', 'dial', 'findByPhone', 'listCalls', 'logCall', 'openDeals', ...added.functions].sort());
  });

  it('compiles the platform version in: built for 2.3, it invokes the declared templates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cb-serverless-23-'));
    try {
      const built = await readFile(await buildServer(dir, '2.3'), 'utf8');
      const declared = JSON.parse(await readFile(join(dir, 'app-part.json'), 'utf8')) as typeof part;
      expect(declared.platformVersion).toBe('2.3');
      const aircall = createAircallMock({ webhookToken: 'tok' });
      http.use(...aircall.handlers);
      const iparams = { phone_api_id: 'aircall-id', phone_api_token: 'aircall-token', crm_domain: 'acme.myfreshworks.com', crm_api_key: 'k' };
      const answers: unknown[][] = [];
      const module = { exports: {} };
      const context = {
        module,
        exports: module.exports,
        console: { info: () => undefined, warn: () => undefined, error: () => undefined },
        renderData: (...args: unknown[]) => answers.push(args),
        $db: createFakeDb(),
        $schedule: createFakeSchedule(),
        // A 2.3 platform refuses free-form requests: only invokeTemplate with the declared templates works.
        $request: createFakeRequestApi({ iparams, platformVersion: '2.3', templates: declared.requests as unknown as RequestsJson }),
        generateTargetUrl: () => Promise.resolve('https://platform.test/hook'),
      };
      runInNewContext(built, context, { filename: 'server.js' });
      await (context.exports as Record<string, Handler>).onAppInstall!(envelope('onAppInstall', iparams));
      expect(answers).toEqual([[null, { webhook: 'registered', schedule: 'created' }]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('handlers, events, server methods and request templates added one file each', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cb-serverless-part-'));
    for (const folder of ['events', 'functions', 'requests', 'exports']) await mkdir(join(dir, folder));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads only the static lists when the folders are missing', async () => {
    expect(await readServerlessPart(join(dir, 'missing'))).toEqual(serverlessPart);
    expect(await addedExports(join(dir, 'missing'))).toEqual([]);
  });

  it('appends each file’s definition after the static lists, in file name order, specs aside', async () => {
    await writeFile(join(dir, 'events/onTaskUpdate.ts'), 'export default { event: "onTaskUpdate", handler: "onTaskUpdate", products: ["freshsales"] };\n');
    await writeFile(join(dir, 'events/onTaskCreate.ts'), 'export default { event: "onTaskCreate", handler: "onTaskCreate", products: ["freshsales"] };\n');
    await writeFile(join(dir, 'events/onTaskCreate.spec.ts'), 'throw new Error("never read");\n');
    await writeFile(join(dir, 'functions/callStats.ts'), 'export default { name: "callStats", timeout: 10, products: ["freshsales"] };\n');
    await writeFile(join(dir, 'requests/statsGet.ts'), 'export default { name: "statsGet" };\n');
    const part = await readServerlessPart(dir);
    expect(part.events.slice(serverlessPart.events.length).map((e) => e.event)).toEqual(['onTaskCreate', 'onTaskUpdate']);
    expect(part.functions.slice(serverlessPart.functions.length)).toEqual([{ name: 'callStats', timeout: 10, products: ['freshsales'] }]);
    expect(part.requestTemplates.slice(serverlessPart.requestTemplates.length)).toEqual([{ name: 'statsGet' }]);
    expect(part.iparams).toBe(serverlessPart.iparams);
  });

  it('refuses a file whose definition is named otherwise, naming the file', async () => {
    await writeFile(join(dir, 'functions/other.ts'), 'export default { name: "callStats", products: ["freshsales"] };\n');
    await expect(readServerlessPart(dir)).rejects.toThrow(/functions\/other\.ts: the default export must be a definition whose name is "other" \(the file's name\); found "callStats"/);
  });

  it('exports each file of src/exports/ under its name, beside src/server.ts', async () => {
    await writeFile(join(dir, 'exports/onTaskCreate.ts'), 'export const onTaskCreate = () => undefined;\n');
    await writeFile(join(dir, 'exports/onTaskCreate.spec.ts'), '');
    expect(await addedExports(join(dir, 'exports'))).toEqual(['onTaskCreate']);
    expect(serverEntry(['onTaskCreate'])).toBe("export * from './src/server.ts';\nexport { onTaskCreate } from './src/exports/onTaskCreate.ts';");
    await writeFile(join(dir, 'exports/on-task.ts'), '');
    await expect(addedExports(join(dir, 'exports'))).rejects.toThrow('src/exports/on-task.ts: name the file after the handler it exports');
  });
});
