import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApp, removeApps } from '../testing';
import { packApp } from './pack-app';

afterAll(removeApps);

describe('packApp', () => {
  it('writes <appDir>/dist/<folder>.zip with exactly what the platform packs', async () => {
    const dir = await makeApp('omni-2.1', {
      files: { '.report.json': '{"lints": []}', 'package.json': '{}', '.fdk/localstore': 'secret', 'server/node_modules/x/i.js': '1', 'log/fdk.log': 'x', 'src/app.ts': 'export {};' },
    });
    const result = await packApp(dir);
    expect(result).toMatchObject({ ok: true, path: join(dir, 'dist', 'omni-2.1.zip'), files: 9 });
    const zip = await readFile(join(dir, 'dist', 'omni-2.1.zip'));
    expect(result.ok && result.bytes).toBe(zip.length);
    expect(Object.keys(unzipSync(zip))).toEqual([
      '.report.json', 'README.md', 'app/icon.svg', 'app/index.html', 'app/scripts/app.js', 'config/iparams.json', 'manifest.json', 'server/server.js', 'src/app.ts',
    ].sort());
  });

  it('packs byte for byte the same twice', async () => {
    const dir = await makeApp('smi-2.2');
    const first = await packApp(dir, { out: join(dir, 'one.zip') });
    const second = await packApp(dir, { out: join(dir, 'two.zip') });
    expect(first.ok && second.ok).toBe(true);
    expect((await readFile(join(dir, 'one.zip'))).equals(await readFile(join(dir, 'two.zip')))).toBe(true);
  });

  it('writes where --out says, creating folders, and never packs the zip into itself', async () => {
    const dir = await makeApp('templates-2.3');
    const out = join(dir, 'app', 'build', 'release.zip');
    await packApp(dir, { out });
    const again = await packApp(dir, { out });
    expect(again.ok).toBe(true);
    expect(Object.keys(unzipSync(await readFile(out)))).not.toContain('app/build/release.zip');
  });

  it('refuses an app with errors, and writes nothing', async () => {
    const dir = await makeApp('omni-2.1', { files: { 'app/icon.svg': null } });
    const result = await packApp(dir);
    expect(result).toMatchObject({ ok: false, reason: 'invalid', message: 'not packed: validation found 3 errors; fix them and pack again' });
    await expect(stat(join(dir, 'dist'))).rejects.toThrow();
  });

  it('refuses an app above 5 MB', async () => {
    const dir = await makeApp('omni-2.1', { files: { 'app/video.bin': randomBytes(5.2 * 1024 * 1024) } });
    const result = await packApp(dir);
    expect(result).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringMatching(/^not packed: the pack would be 5\.\d\d MB; the platform accepts at most 5\.00 MB$/) as string });
  });

  it('refuses a folder that is not an app, and reports a zip it cannot write', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'fdkit-empty-'));
    expect(await packApp(empty)).toMatchObject({ ok: false, reason: 'not-an-app' });
    await rm(empty, { recursive: true });
    const dir = await makeApp('omni-2.1');
    const result = await packApp(dir, { out: join(dir, 'manifest.json', 'x.zip') });
    expect(result).toMatchObject({ ok: false, reason: 'write-failed', message: expect.stringContaining('cannot write') as string });
  });
});
