import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures');

/** A change to a fixture app: JSON edits by dotted path, whole files written or deleted, symlinks. */
export interface AppChange {
  /** file → dotted path → new value; `undefined` deletes the key. `[]` path segments as `a.b.0`. */
  set?: Record<string, Record<string, unknown>>;
  /** file → new content; `null` deletes the file. */
  files?: Record<string, string | Uint8Array | null>;
  /** path → symlink target. */
  links?: Record<string, string>;
}

const made: string[] = [];

/** Memory-backed where there is one: hundreds of small temp apps are much cheaper there than on disk. */
const TEMP = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** Copies `test/fixtures/<base>` to a fresh temp folder named `name`, applies `change`, returns its path. */
export async function makeApp(base: string, change: AppChange = {}, name = base.split('/').pop() ?? 'app'): Promise<string> {
  const parent = await mkdtemp(join(TEMP, 'fdkit-app-'));
  made.push(parent);
  const dir = join(parent, name);
  await cp(join(FIXTURES, base), dir, { recursive: true });
  await applyChange(dir, change);
  return dir;
}

export async function applyChange(dir: string, change: AppChange): Promise<void> {
  for (const [file, edits] of Object.entries(change.set ?? {})) {
    const path = join(dir, file);
    const document = JSON.parse(await readFile(path, 'utf8')) as unknown;
    for (const [dotted, value] of Object.entries(edits)) setPath(document, dotted.split('.'), value);
    await writeFile(path, JSON.stringify(document, null, 2));
  }
  for (const [file, content] of Object.entries(change.files ?? {})) {
    const path = join(dir, file);
    if (content === null) await rm(path, { recursive: true, force: true });
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  }
  for (const [file, target] of Object.entries(change.links ?? {})) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await symlink(target, join(dir, file));
  }
}

function setPath(document: unknown, path: string[], value: unknown): void {
  let node = document;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') throw new Error(`no object at ${path.join('.')}`);
    const record = node as Record<string, unknown>;
    record[segment] ??= {};
    node = record[segment];
  }
  const last = path[path.length - 1] ?? '';
  const record = node as Record<string, unknown>;
  if (value === undefined) delete record[last];
  else record[last] = value;
}

/** Removes every folder makeApp created; call it from afterAll. */
export async function removeApps(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
