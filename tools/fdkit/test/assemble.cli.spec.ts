import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli';
import { workspace } from './support/workspace';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fdkit-cli-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join(''), err: err.join('') }));
}

describe('fdkit assemble', () => {
  it('assembles into the folder fdkit.json names, or --out, at the --platform asked', async () => {
    await workspace(root);
    const first = await run(['assemble', '--root', root]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^Assembled demo-app \(freshworks_crm, freshsales\) into .*dist\/fdk: 17 files\n$/);
    const second = await run(['assemble', '--root', root, '--out', 'out/v23', '--platform', '2.3']);
    expect(second.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(root, 'out/v23/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['platform-version']).toBe('2.3');
  });

  it('exits 1 with the reason when the workspace cannot be assembled, and 2 on bad usage', async () => {
    expect(await run(['assemble', '--root', root])).toMatchObject({ code: 1, err: expect.stringContaining('fdkit.json: not found') as unknown });
    expect(await run(['assemble', '--platform', '3.0'])).toMatchObject({ code: 2, err: 'fdkit assemble: --platform must be 2.1, 2.2 or 2.3, not "3.0"\n' });
  });
});
