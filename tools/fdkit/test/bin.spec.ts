import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const workspaceRoot = resolve(import.meta.dirname, '../../..');
const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };

describe('npx fdkit, as a user runs it from the workspace root', () => {
  it('answers --version', async () => {
    const { stdout } = await run('npx', ['--no-install', 'fdkit', '--version'], { cwd: workspaceRoot });
    expect(stdout.trim()).toBe(version);
  });

  it('answers --help', async () => {
    const { stdout } = await run('npx', ['--no-install', 'fdkit', '--help'], { cwd: workspaceRoot });
    expect(stdout).toContain('Usage: fdkit');
  });

  it('exits 2 on bad usage', async () => {
    await expect(run('npx', ['--no-install', 'fdkit', 'no-such-command'], { cwd: workspaceRoot })).rejects.toMatchObject({ code: 2 });
  });
});
