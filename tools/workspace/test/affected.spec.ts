import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const workspaceRoot = resolve(import.meta.dirname, '../../..');
let clone: string;

const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ci@callbridge.test', '-c', 'user.name=ci', ...args], { cwd: clone, stdio: 'pipe' });

/** Commits a one-line change to `file` on the throwaway branch and answers the projects `nx affected` selects. */
function affectedBy(file: string): string[] {
  git('checkout', '-q', '-B', `throwaway-${Date.now()}`, 'base');
  appendFileSync(join(clone, file), '\n// a change\n');
  git('commit', '-q', '-am', `change ${file}`);
  const out = execFileSync('npx', ['--no-install', 'nx', 'show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD', '--json'], {
    cwd: clone,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  return (JSON.parse(out) as string[]).sort();
}

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'cb-affected-'));
  execFileSync('git', ['clone', '-q', '--shared', workspaceRoot, clone]);
  symlinkSync(join(workspaceRoot, 'node_modules'), join(clone, 'node_modules'));
  git('branch', 'base');
});
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('nx affected, on a throwaway branch of this repository', () => {
  it('runs only serverless (and the app assembly) for a serverless-only change, never the front end', () => {
    const projects = affectedBy('apps/serverless/src/server.ts');
    expect(projects).toContain('serverless');
    expect(projects).not.toContain('frontend');
    expect(projects).not.toContain('ui');
    expect(projects).not.toContain('core');
  });

  it('runs everything that depends on the core for a core change', () => {
    const projects = affectedBy('libs/core/src/index.ts');
    expect(projects).toEqual(expect.arrayContaining(['core', 'contracts', 'ui', 'frontend', 'serverless', 'fdkit', 'emulator']));
  });
});
