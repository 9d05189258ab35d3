import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './cli';
import { makeApp, removeApps } from './testing';

afterAll(removeApps);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('fdkit main', () => {
  it('prints its version from package.json', async () => {
    const { io, out } = capture();
    expect(await main(['--version'], io)).toBe(0);
    expect(out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('prints help with no arguments and with --help', async () => {
    for (const argv of [[], ['--help'], ['-h']]) {
      const { io, out } = capture();
      expect(await main(argv, io)).toBe(0);
      expect(out.join('')).toContain('Usage: fdkit');
    }
  });

  it('exits 2 with a hint on an unknown option', async () => {
    const { io, err } = capture();
    expect(await main(['--bogus'], io)).toBe(2);
    expect(err.join('')).toContain("unknown option '--bogus'");
    expect(err.join('')).toContain('fdkit --help');
  });
});

describe('fdkit validate and pack, in process', () => {
  const fixture = resolve(import.meta.dirname, '../test/fixtures');

  it('validates an app folder, in words or as JSON', async () => {
    const words = capture();
    expect(await main(['validate', `${fixture}/samples/cti-tutorial`], words.io)).toBe(1);
    expect(words.out.join('')).toMatch(/^error {4}manifest\.json {2}product\.freshworks_crm\.location\.left_nav_cti\.icon {2}icon app\/styles\/images\/icon\.svg does not exist/);
    expect(words.out.join('')).toMatch(/cti-tutorial: invalid, 1 error, 2 warnings \(platform 2\.1: freshworks_crm\)\n$/);
    const json = capture();
    expect(await main(['validate', `${fixture}/omni-2.1`, '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out.join(''))).toEqual({ ok: true, platformVersion: '2.1', products: ['freshworks_crm', 'freshsales'], errors: [], warnings: [] });
  });

  it('exits 2 for a folder that is not an app, in words or as JSON', async () => {
    const words = capture();
    expect(await main(['validate', fixture], words.io)).toBe(2);
    expect(words.err.join('')).toBe(`fdkit validate: not an FDK app: no manifest.json in ${fixture}\n`);
    const json = capture();
    expect(await main(['validate', fixture, '--json'], json.io)).toBe(2);
    expect(JSON.parse(json.out.join(''))).toMatchObject({ ok: false, errors: [{ rule: 'app-folder' }] });
  });

  it('packs a valid app and refuses an invalid one or a non-app', async () => {
    const dir = await makeApp('smi-2.2');
    const packed = capture();
    expect(await main(['pack', dir, '--out', join(dir, 'out.zip')], packed.io)).toBe(0);
    expect(packed.out.join('')).toMatch(new RegExp(`^packed ${join(dir, 'out.zip').replace(/[.]/g, '\\.')} \\(\\d+\\.\\d KB, 8 files\\)\n$`));
    const refused = capture();
    expect(await main(['pack', `${fixture}/samples/event-routing-omni`], refused.io)).toBe(1);
    expect(refused.out.join('')).toContain('(event-handler)');
    expect(refused.err.join('')).toBe('fdkit pack: not packed: validation found 2 errors; fix them and pack again\n');
    const notAnApp = capture();
    expect(await main(['pack', fixture], notAnApp.io)).toBe(2);
    expect(notAnApp.err.join('')).toContain('not an FDK app');
  });

  it('exits 2 when the app folder argument is missing', async () => {
    const { io, err } = capture();
    expect(await main(['validate'], io)).toBe(2);
    expect(err.join('')).toContain("missing required argument 'appDir'");
  });
});

describe('guarded', () => {
  it('turns an unexpected exception into one line and exit code 2', async () => {
    const { guarded } = await import('./validate/command');
    const { io, err } = capture();
    expect(await guarded('validate', io, () => Promise.reject(new Error('boom')))).toBe(2);
    expect(await guarded('validate', io, () => Promise.reject(new Error('again')))).toBe(2);
    expect(err.join('')).toBe('fdkit validate: internal error, please report it: boom\nfdkit validate: internal error, please report it: again\n');
  });
});
