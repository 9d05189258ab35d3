import { readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The `.ts` files of `dir` (specs aside), in name order; none when it does not exist. */
export async function sourcesIn(dir: string): Promise<string[]> {
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  return files.filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts')).sort();
}

/**
 * Each `.ts` file of `dir` default-exports one definition whose `key` is the file's name. One file per entry is what
 * lets two teams add two placeholders or handlers without touching the same lines. Errors name the file relative to
 * `root`.
 */
export async function discoverDefinitions<T extends object>(dir: string, key: keyof T & string, root: string): Promise<T[]> {
  const definitions: T[] = [];
  for (const file of await sourcesIn(dir)) {
    const definition = ((await import(pathToFileURL(join(dir, file)).href)) as { default?: T }).default;
    const name = basename(file, '.ts');
    const found = (definition as Record<string, unknown> | undefined)?.[key];
    if (found !== name) {
      throw new Error(`${relative(root, join(dir, file))}: the default export must be a definition whose ${key} is "${name}" (the file's name); found ${JSON.stringify(found)}`);
    }
    definitions.push(definition!);
  }
  return definitions;
}
