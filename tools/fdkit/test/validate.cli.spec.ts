import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApp, removeApps } from '../src/testing';

const run = promisify(execFile);
const workspaceRoot = resolve(import.meta.dirname, '../../..');
const fixtures = resolve(import.meta.dirname, 'fixtures');

afterAll(removeApps);

/** Runs `npx --no-install fdkit ...` from the workspace root, as a person would, and keeps the exit code. */
async function fdkit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['--no-install', 'fdkit', ...args], { cwd: workspaceRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npx fdkit validate, as a user runs it', () => {
  it('exits 0 for a valid app, 1 for an invalid one and 2 for a folder that is no app', async () => {
    const [valid, invalid, notAnApp] = await Promise.all([
      fdkit('validate', join(fixtures, 'omni-2.1'), '--json'),
      fdkit('validate', join(fixtures, 'samples/event-routing-omni'), '--json'),
      fdkit('validate', fixtures),
    ]);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual({ ok: true, platformVersion: '2.1', products: ['freshworks_crm', 'freshsales'], errors: [], warnings: [] });
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ ok: false, errors: [{ rule: 'iparams-files' }, { rule: 'event-handler' }] });
    expect(notAnApp.code).toBe(2);
    expect(notAnApp.stderr).toContain(`fdkit validate: not an FDK app: no manifest.json in ${fixtures}`);
  }, 60_000);
});

describe('npx fdkit pack, as a user runs it', () => {
  it('writes dist/<folder>.zip and says where', async () => {
    const dir = await makeApp('smi-2.2', {}, 'callbridge');
    const result = await fdkit('pack', dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^packed .*\/callbridge\/dist\/callbridge\.zip \(\d+\.\d KB, 8 files\)\n$/);
    expect((await readFile(join(dir, 'dist/callbridge.zip'))).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});
