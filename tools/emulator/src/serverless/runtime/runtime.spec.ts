import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProductName } from '@callbridge/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformFailure } from '../platform-error';
import { describeProblem, describeThrown } from './code-problem';
import { legacyEvents, pickHandler } from './exports';
import type { InvocationSpec } from './invocation';
import { rejectionGuard } from './rejections';
import { ServerRuntime } from './server-runtime';
import type { PlatformServices } from './services';

let dir: string;
let lines: string[];
let detach: () => void;

const services: PlatformServices = {
  db: (_product, call) => {
    if (call.action === 'get') throw new PlatformFailure(404, 'Record not found');
    return { Created: true };
  },
  schedule: { create: () => ({}), update: () => ({}), fetch: () => ({}), delete: () => ({}) },
  request: {
    freeForm: () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, headers: {}, response: 'late', attempts: 1 }), 40)),
    invokeTemplate: () => Promise.reject(new Error('offline')),
  },
  targetUrl: (product: ProductName) => Promise.resolve(`http://localhost/_fdk/external/${product}/t`),
};

async function write(file: string, text: string) {
  await mkdir(join(dir, file, '..'), { recursive: true });
  await writeFile(join(dir, file), text);
}

async function runtimeFor(serverJs: string, manifest: Record<string, unknown> = { 'platform-version': '2.1' }) {
  await write('manifest.json', JSON.stringify(manifest));
  await write('server/server.js', serverJs);
  const runtime = new ServerRuntime({ appDir: dir, services, now: () => Date.parse('2026-11-20T10:00:00Z'), log: (line) => lines.push(line) });
  await runtime.reload();
  return runtime;
}

const spec = (handler: string, extra: Partial<InvocationSpec> = {}): InvocationSpec => ({
  product: 'freshsales',
  name: 'onTest',
  handler,
  payload: { hello: 'world' },
  timeoutMs: 300,
  needsRenderData: false,
  targetUrlAllowed: true,
  ...extra,
});

beforeAll(() => {
  detach = rejectionGuard.attach((line) => lines.push(`guard ${line}`));
});
afterAll(() => detach());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runtime-'));
  lines = [];
});
afterEach(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));

describe('ServerRuntime', () => {
  it('answers 404 without a server.js and reports nothing to load', async () => {
    await write('manifest.json', '{}');
    const runtime = new ServerRuntime({ appDir: dir, services, now: Date.now, log: (line) => lines.push(line) });
    expect(await runtime.reload()).toBeUndefined();
    expect(runtime.exists).toBe(false);
    expect(await runtime.invoke(spec('x'))).toMatchObject({ ok: false, status: 404 });
  });

  it('reads module.exports and 2.0 events arrays with named and inline callbacks', async () => {
    const runtime = await runtimeFor(
      "module.exports = { events: [{ event: 'onA', callback: 'a' }, { event: 'onB', callback: function () { renderData(null, 'inline'); } }, null, { event: 3 }], a: function (p) { renderData(null, this.b() + p.hello); }, b: function () { return 'from this: '; } };",
    );
    expect(runtime.exportedNames).toEqual(['a', 'b']);
    expect(runtime.legacyEvents).toEqual({ onA: 'a', onB: '#events[1]' });
    expect(await runtime.invoke(spec('a'))).toMatchObject({ ok: true, response: 'from this: world' });
    expect(await runtime.invoke(spec('#events[1]'))).toMatchObject({ ok: true, response: 'inline' });
    expect(await runtime.invoke(spec('#events[2]'))).toMatchObject({ ok: false, status: 500, error: { message: 'server.js exports no function "#events[2]" (it exports a, b)' } });
  });

  it('takes the first renderData, warns about later ones, and refuses data without a JSON form', async () => {
    const runtime = await runtimeFor(`exports = {
      twice: function () { renderData(null, 1); renderData(null, 2); },
      cyclic: function () { var a = {}; a.a = a; renderData(null, a); },
      statusOnly: function () { renderData({ status: 403 }); },
      messageObject: function () { renderData({ message: { nested: true } }); },
      emptyObject: function () { renderData({}); },
      late: function () { return Promise.resolve().then(function () { console.warn('still going'); }); },
      rejects: async function () { throw 'plain string'; },
      noAnswer: function () { $db.set('k', { a: 1 }); },
      afterTimeout: function () { $request.get('https://slow.example.com').then(function () { renderData(); }); },
    };`);
    expect(await runtime.invoke(spec('twice'))).toMatchObject({ ok: true, response: 1 });
    await new Promise((done) => setTimeout(done, 10));
    expect(lines).toContainEqual('[freshsales onTest] renderData() was called again; the platform keeps the first answer');
    expect(await runtime.invoke(spec('cyclic'))).toMatchObject({ ok: false, status: 500, error: { message: expect.stringContaining('renderData(): the data has no JSON form') as unknown } });
    expect(await runtime.invoke(spec('statusOnly'))).toMatchObject({ ok: false, status: 403, error: { message: '' } });
    expect(await runtime.invoke(spec('messageObject'))).toMatchObject({ status: 500, error: { message: '{"nested":true}' } });
    expect(await runtime.invoke(spec('emptyObject'))).toMatchObject({ status: 400 });
    expect(await runtime.invoke(spec('late'))).toMatchObject({ ok: true, logs: [{ level: 'warn', message: 'still going' }] });
    expect(await runtime.invoke(spec('rejects'))).toMatchObject({ ok: false, status: 500, error: { message: 'Uncaught "plain string"' } });
    expect(await runtime.invoke(spec('noAnswer'))).toMatchObject({ ok: true });
    const setup = await runtime.invoke(spec('noAnswer', { needsRenderData: true, timeoutMs: 150 }));
    expect(setup).toMatchObject({ ok: false, status: 504 });
    expect(setup.logs[0]!.message).toContain('without calling renderData');
    expect(await runtime.invoke(spec('afterTimeout', { needsRenderData: true, timeoutMs: 10 }))).toMatchObject({ status: 504 });
    await new Promise((done) => setTimeout(done, 60));
    expect(lines).toContainEqual('[freshsales onTest] renderData() came after the invocation had finished; ignored');
  });

  it('gives generateTargetUrl only where the platform does, and reports unhandled rejections to the invocation log', async () => {
    const runtime = await runtimeFor(`exports = {
      url: async function () { renderData(null, await generateTargetUrl()); },
      leak: function () { $db.get('missing'); Promise.reject(new Error('sandbox promise')); renderData(null, 'done'); },
    };`);
    expect(await runtime.invoke(spec('url'))).toMatchObject({ ok: true, response: 'http://localhost/_fdk/external/freshsales/t' });
    expect(await runtime.invoke(spec('url', { targetUrlAllowed: false, name: 'onScheduledEvent' }))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not in onScheduledEvent') as unknown },
    });
    const leak = await runtime.invoke(spec('leak', { name: 'leaky' }));
    expect(leak).toMatchObject({ ok: true, response: 'done' });
    await new Promise((done) => setTimeout(done, 20));
    expect(lines.some((line) => line.includes('[freshsales leaky] Unhandled promise rejection in server.js: sandbox promise'))).toBe(true);
    expect(lines.some((line) => line.startsWith('guard Unhandled promise rejection in server.js: Record not found'))).toBe(true);
  });

  it('logs a server.js that fails or loops while loading, and still runs later invocations', async () => {
    const failing = await runtimeFor("throw new Error('top-level failure');");
    expect(failing.problem).toBeUndefined();
    expect(lines.some((line) => line.includes('loading it failed: Error: top-level failure (server/server.js:1:'))).toBe(true);
    expect(await failing.invoke(spec('x'))).toMatchObject({ status: 500, error: { message: expect.stringContaining('top-level failure') as unknown } });

    const looping = await runtimeFor('for (;;) {}');
    expect(lines.some((line) => line.includes('it ran over 2000 ms'))).toBe(true);
    expect(looping.exportedNames).toEqual([]);
  });

  it('requires declared npm packages from the app node_modules only', async () => {
    await write('node_modules/tiny-dep/package.json', JSON.stringify({ name: 'tiny-dep', version: '1.0.0', main: 'index.js' }));
    await write('node_modules/tiny-dep/index.js', "module.exports = { shout: (s) => s.toUpperCase() + '!' };");
    await write('server/lib/index.js', "exports = { twice: function (s) { return s + s; } };");
    await write('server/data.json', '{"n": 2}');
    const runtime = await runtimeFor(
      `var dep = require('tiny-dep'); var lib = require('./lib'); var data = require('./data');
       exports = {
         use: function () { renderData(null, dep.shout(lib.twice('hi')) + data.n + (data instanceof Object)); },
         missing: function () { require('not-installed'); },
         empty: function () { require(''); },
       };`,
      { 'platform-version': '2.0', dependencies: { 'tiny-dep': '1.0.0', 'not-installed': '1.0.0' } },
    );
    expect(await runtime.invoke(spec('use'))).toMatchObject({ ok: true, response: 'HIHI!2true' });
    expect(await runtime.invoke(spec('missing'))).toMatchObject({ error: { message: expect.stringContaining("Cannot find module 'not-installed': \"not-installed\" is declared in manifest.json but not installed") as unknown } });
    expect(await runtime.invoke(spec('empty'))).toMatchObject({ error: { message: expect.stringContaining('require() needs a module name') as unknown } });
  });
});

describe('code problems', () => {
  it('describes problems and thrown values', () => {
    expect(describeProblem({ file: 'server/server.js', message: 'SyntaxError: x' })).toBe('server/server.js: SyntaxError: x');
    expect(describeProblem({ file: 'server/server.js', line: 3, message: 'SyntaxError: x' })).toBe('server/server.js:3: SyntaxError: x');
    expect(describeThrown(42, '/app')).toBe('Uncaught 42');
    expect(describeThrown({ status: 1 }, '/app')).toBe('Uncaught {"status":1}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeThrown(cyclic, '/app')).toBe('Uncaught [object Object]');
    expect(describeThrown({ message: 'no name', stack: 'at /app/server/x.js:4' }, '/app')).toBe('Error: no name (server/x.js:4)');
    expect(legacyEvents(null)).toEqual({});
    expect(() => pickHandler(null, 'x')).toThrow('server.js exports no function "x"');
  });
});
