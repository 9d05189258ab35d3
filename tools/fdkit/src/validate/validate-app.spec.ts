import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brief, makeApp, removeApps, validateFixture } from '../testing';
import { exitCodeOf, validateApp } from './validate-app';

afterAll(removeApps);

describe('folders that are not apps (exit code 2)', () => {
  it('reports a folder that does not exist, or is a file', async () => {
    const missing = await validateApp('/no/such/folder');
    expect(missing).toEqual({ ok: false, platformVersion: null, products: [], errors: [{ rule: 'app-folder', file: '.', location: '', message: 'no such folder: /no/such/folder' }], warnings: [] });
    expect(exitCodeOf(missing)).toBe(2);
    const file = join(await makeApp('omni-2.1'), 'manifest.json');
    expect((await validateApp(file)).errors[0]?.message).toBe(`not a folder: ${file}`);
  });

  it('reports a folder without manifest.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fdkit-empty-'));
    const report = await validateApp(dir);
    expect(report.errors[0]?.message).toBe(`not an FDK app: no manifest.json in ${dir}`);
    expect(exitCodeOf(report)).toBe(2);
    await mkdir(join(dir, 'manifest.json'));
    expect((await validateApp(dir)).errors[0]?.message).toBe(`not an FDK app: no manifest.json in ${dir}`);
    await rm(dir, { recursive: true });
  });
});

describe('exit codes', () => {
  it('is 0 with warnings only, and 1 with errors', async () => {
    const warned = await validateFixture('omni-2.1', { set: { 'manifest.json': { 'product.freshsales.extra': 1 } } });
    expect(warned.warnings).not.toEqual([]);
    expect(exitCodeOf(warned)).toBe(0);
    const failed = await validateFixture('omni-2.1', { files: { 'app/icon.svg': null } });
    expect(exitCodeOf(failed)).toBe(1);
  });
});

describe('bad input never throws', () => {
  it('reports malformed JSON with line and column', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'manifest.json': '{\n  "platform-version": "2.1",\n  "product": {\n    "freshsales": {}\n  }\n  "x": 1\n}' } });
    expect(report.errors).toEqual([{ rule: 'json-syntax', file: 'manifest.json', location: '6:3', message: 'invalid JSON: expected "," or "}" after a property value, found "\\""' }]);
    expect(exitCodeOf(report)).toBe(1);
  });

  it('reports binary junk and non-UTF-8 files', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const report = await validateFixture('omni-2.1', { files: { 'manifest.json': junk, 'app/scripts/app.js': new Uint8Array([0x76, 0x61, 0x72, 0xff, 0xfe]) } });
    expect(brief(report.errors)).toEqual(['file-unreadable manifest.json', 'file-unreadable app/scripts/app.js']);
    expect(report.errors[0]?.message).toBe('manifest.json is binary, not text; it must be a UTF-8 JSON file');
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const dir = await makeApp('omni-2.1');
    const manifest = await import('node:fs/promises').then((fs) => fs.readFile(join(dir, 'manifest.json'), 'utf8'));
    await writeFile(join(dir, 'manifest.json'), `\uFEFF${manifest}`);
    expect((await validateApp(dir)).errors).toEqual([]);
  });

  it('caps what it reads of huge files', async () => {
    const huge = `{"platform-version": "2.1", "product": {"freshsales": {}}, "pad": "${'x'.repeat(2 * 1024 * 1024)}"}`;
    const script = `var pad = "${'y'.repeat(3 * 1024 * 1024)}";`;
    const report = await validateFixture('omni-2.1', { files: { 'manifest.json': huge, 'server/big.js': script } });
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'file-unreadable', file: 'manifest.json', message: 'manifest.json is 2.00 MB; fdkit reads at most 1.00 MB of such a file; it must be a UTF-8 JSON file' })]);
    expect(brief(report.warnings)).toEqual(['lint-skipped server/big.js']);
  });
});

describe('symlinks', () => {
  it('reports links out of the folder without following them', async () => {
    const report = await validateFixture('omni-2.1', { links: { 'app/passwd.txt': '/etc/passwd', 'notes.txt': '/etc/hostname', 'server/gone.js': './nowhere.js' } });
    expect(brief(report.errors)).toEqual(['symlink app/passwd.txt', 'symlink server/gone.js']);
    expect(brief(report.warnings)).toEqual(['symlink notes.txt']);
    expect(report.errors[0]?.message).toBe('app/passwd.txt is a symlink to "/etc/passwd", outside the app folder (or to nothing); fdkit does not follow it. Copy the file into the app instead');
  });

  it('follows links to files inside the folder, and notes linked folders', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'app/icon.svg': null, 'shared/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }, links: { 'app/icon.svg': '../shared/icon.svg', 'app/more': '../shared' } });
    expect(report.errors).toEqual([]);
    expect(brief(report.warnings)).toEqual(['symlink app/more']);
  });

  it('treats a manifest.json that links out as a finding, not as a missing manifest', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'manifest.json': null }, links: { 'manifest.json': '/etc/hostname' } });
    expect(exitCodeOf(report)).toBe(1);
    expect(brief(report.errors)).toContain('symlink manifest.json');
  });
});

describe('platform lint rules, on a whole app', () => {
  it.each([
    ['no-eval', 'app/scripts/app.js', 'eval("1");', 'error'],
    ['no-alert', 'app/scripts/app.js', 'alert("hi");', 'error'],
    ['no-debugger', 'server/server.js', 'debugger;', 'error'],
    ['no-unreachable', 'server/server.js', 'function f() { return 1; f(); }\nf();', 'error'],
    ['no-empty-function', 'app/scripts/app.js', 'document.addEventListener("x", function () {});', 'error'],
    ['no-unused-vars', 'app/scripts/app.js', 'function closePopup() { return 1; }', 'error'],
    ['no-caller', 'app/scripts/app.js', 'window.f = function () { return arguments.callee; };', 'warning'],
    ['no-process-env', 'server/server.js', 'console.info(process.env.ENV);', 'warning'],
    ['complexity', 'app/scripts/app.js', `window.f = function (a) { ${'if (a) { a++; } '.repeat(8)}return a; };`, 'warning'],
    ['max-nested-callbacks', 'app/scripts/app.js', 'a(function () { b(function () { c(function () { d(function () { e(function () { return 1; }); }); }); }); });', 'warning'],
    ['handle-callback-err', 'server/server.js', 'read(function (err, data) { renderData(null, data); });', 'warning'],
    ['no-unhandled-promise', 'app/scripts/app.js', 'window.p.then(function (x) { return x; });', 'warning'],
    ['no-logging-rejections', 'server/server.js', '$db.get("k").catch(function (e) { console.log(e); });', 'warning'],
    ['no-cross-scope-assign', 'app/scripts/app.js', 'window.f = function () { var n = 0; g(function (m) { n = m; }); return n; };', 'warning'],
  ])('%s: the base app passes it and one appended line fails it', async (rule, file, line, severity) => {
    const dir = await makeApp('omni-2.1');
    const original = await import('node:fs/promises').then((fs) => fs.readFile(join(dir, file), 'utf8'));
    await writeFile(join(dir, file), `${original}\n${line}\n`);
    const report = await validateApp(dir);
    const findings = severity === 'error' ? report.errors : report.warnings;
    const lastLine = original.split('\n').length + 1;
    expect(findings.filter((f) => f.rule === rule)).toEqual([expect.objectContaining({ file, location: expect.stringMatching(new RegExp(`^${lastLine}:`)) as string })]);
  });

  it('does not lint test data or config scripts as app code', async () => {
    const report = await validateFixture('omni-2.1', { files: { 'server/test_data/x.js': 'eval("1");', 'config/assets/x.js': 'eval("1");' } });
    expect(report.errors).toEqual([]);
  });
});

describe('pack size', () => {
  it('reports an app that packs above 5 MB', async () => {
    const noise = randomBytes(5.5 * 1024 * 1024);
    const report = await validateFixture('omni-2.1', { files: { 'app/video.bin': noise } });
    expect(brief(report.errors)).toEqual(['pack-size .']);
    expect(report.errors[0]?.message).toMatch(/^the packed app is 5\.\d\d MB; the platform accepts at most 5\.00 MB/);
  });

  it('does not count what the platform leaves out of the pack', async () => {
    const noise = randomBytes(6 * 1024 * 1024);
    const report = await validateFixture('omni-2.1', { files: { 'dist/old.zip': noise, 'server/node_modules/big/x.bin': noise, 'notes/big.bin': noise } });
    expect(report.errors).toEqual([]);
  });

  it('refuses to compress absurd amounts of data just to measure them', async () => {
    const dir = await makeApp('omni-2.1');
    const { open } = await import('node:fs/promises');
    const handle = await open(join(dir, 'app/huge.bin'), 'w');
    await handle.truncate(70 * 1024 * 1024);
    await handle.close();
    const report = await validateApp(dir);
    expect(report.errors[0]?.message).toMatch(/^the packed files add up to 70\.\d\d MB before compression/);
  });
});
