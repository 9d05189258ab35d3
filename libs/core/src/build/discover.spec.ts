import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverDefinitions, sourcesIn } from './discover';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

async function folder(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'discover-'));
  const dir = join(root, 'src/app-part/events');
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('discoverDefinitions', () => {
  it('reads one definition per file, in name order, leaving specs and other files out', async () => {
    const dir = await folder({
      'onTicketCreate.ts': "export default { event: 'onTicketCreate', handler: 'a' };",
      'onAppInstall.ts': "export default { event: 'onAppInstall', handler: 'b' };",
      'onAppInstall.spec.ts': 'throw new Error("a spec is never imported");',
      'README.md': '# not code',
    });
    expect(await sourcesIn(dir)).toEqual(['onAppInstall.ts', 'onTicketCreate.ts']);
    expect(await discoverDefinitions<{ event: string }>(dir, 'event', root!)).toEqual([
      { event: 'onAppInstall', handler: 'b' },
      { event: 'onTicketCreate', handler: 'a' },
    ]);
  });

  it('names the file whose definition does not match its name', async () => {
    const dir = await folder({ 'onAppInstall.ts': "export default { event: 'onAppUninstall' };" });
    await expect(discoverDefinitions<{ event: string }>(dir, 'event', root!)).rejects.toThrow(
      'src/app-part/events/onAppInstall.ts: the default export must be a definition whose event is "onAppInstall" (the file\'s name); found "onAppUninstall"',
    );
    const none = await folder({ 'onAppInstall.ts': 'export const x = 1;' });
    await expect(discoverDefinitions<{ event: string }>(none, 'event', root!)).rejects.toThrow('found undefined');
  });

  it('finds nothing in a folder that does not exist, and passes other read errors on', async () => {
    expect(await discoverDefinitions(join(tmpdir(), 'no-such-folder-for-discover'), 'name', tmpdir())).toEqual([]);
    const dir = await folder({ 'a.ts': 'export default {};' });
    await expect(sourcesIn(join(dir, 'a.ts'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
