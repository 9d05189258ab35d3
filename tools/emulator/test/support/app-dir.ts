import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A fresh copy of a fixture app, so installs (`.fdk/`) never touch the repository. */
export async function copyFixture(name: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'fdk-emulator-'));
  const dir = join(root, name);
  await cp(join(FIXTURES, name), dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true, maxRetries: 5 }) };
}
