import type { RequestsJson } from '@callbridge/core';
import { createFakeDb, createFakeRequestApi, createFakeSchedule } from '@callbridge/core/testing';
import { createAircallMock } from '@callbridge/phone-provider/testing';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../scripts/build';

let outdir: string;
let source: string;
let part: { platformVersion: string; requests: Record<string, { schema: { host: string } }>; functions: { name: string }[] };

const http = setupServer();
beforeAll(async () => {
  http.listen({ onUnhandledRequest: 'error' });
  outdir = await mkdtemp(join(tmpdir(), 'cb-serverless-'));
  source = await readFile(await buildServer(outdir, '2.1'), 'utf8');
  part = JSON.parse(await readFile(join(outdir, 'app-part.json'), 'utf8')) as typeof part;
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
    expect(Object.keys(handlers).sort()).toEqual(HANDLERS);
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
    expect(Object.keys(part.requests)).toHaveLength(7 + 11 + 12);
    expect(new Set(Object.values(part.requests).map((r) => r.schema.host))).toEqual(new Set(['api.aircall.io', '<%= iparam.crm_domain %>']));
    expect(part.functions.map((f) => f.name).sort()).toEqual(['createPlaceholderContact', 'dial', 'findByPhone', 'listCalls', 'logCall', 'openDeals']);
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
