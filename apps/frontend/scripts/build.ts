import type { FrontendPart, ModalDefinition, PlaceholderDefinition } from '@callbridge/core';
import { build, type Metafile } from 'esbuild';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { frontendPart } from '../src/app-part';
import { directImports } from './direct-imports';
import { basename, join, relative, resolve } from 'node:path';

export interface EntryOutput {
  /** The entry's bundle, relative to the output folder. */
  file: string;
  /** Every file the entry loads up front, itself included, in load order. */
  loads: string[];
  /** Files it may load later through dynamic imports (a modal opened, instance messaging started). */
  lazy: string[];
}

export type FrontendManifest = Record<string, EntryOutput>;

const projectRoot = resolve(import.meta.dirname, '..');

/**
 * The `.ts` files of `dir` (specs aside), in name order, each default-exporting one definition whose `key` is the
 * file's name. One file per entry is what lets two teams add two placeholders without touching the same lines.
 */
export async function discoverDefinitions<T extends object>(dir: string, key: keyof T & string): Promise<T[]> {
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  const definitions: T[] = [];
  for (const file of files.filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts')).sort()) {
    const definition = ((await import(pathToFileURL(join(dir, file)).href)) as { default?: T }).default;
    const name = basename(file, '.ts');
    const found = (definition as Record<string, unknown> | undefined)?.[key];
    if (found !== name) {
      throw new Error(`${relative(projectRoot, join(dir, file))}: the default export must be a definition whose ${key} is "${name}" (the file's name); found ${JSON.stringify(found)}`);
    }
    definitions.push(definition!);
  }
  return definitions;
}

/** The app part: the lists in `src/app-part.ts`, then one placeholder or modal per file under `src/app-part/`. */
export async function readFrontendPart(partDir = join(projectRoot, 'src/app-part')): Promise<FrontendPart> {
  const placeholders = await discoverDefinitions<PlaceholderDefinition>(join(partDir, 'placeholders'), 'entry');
  const modals = await discoverDefinitions<ModalDefinition>(join(partDir, 'modals'), 'name');
  return { placeholders: [...frontendPart.placeholders, ...placeholders], modals: [...frontendPart.modals, ...modals] };
}

/** Bundles one browser ESM entry per placeholder and modal, sharing Lit and the core in common chunks. */
export async function buildFrontend(outdir = join(projectRoot, 'dist')): Promise<FrontendManifest> {
  const entriesDir = join(projectRoot, 'src/entries');
  const entryPoints = (await readdir(entriesDir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .sort()
    .map((name) => join(entriesDir, name));
  const part = await readFrontendPart();
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // `.min.js` tells validators (ours and the platform's) these are generated bundles, not hand-written code.
    entryNames: '[name]-[hash].min',
    chunkNames: 'chunks/[name]-[hash].min',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: projectRoot,
    // Our sources and the libraries that import from our other libraries' index files.
    plugins: [directImports(/[\\/](apps[\\/]frontend|libs[\\/](ui|contracts))[\\/]src[\\/].*\.ts$/)],
  });
  const manifest = entryManifest(result.metafile, outdir);
  await writeFile(join(outdir, 'entries.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(outdir, 'app-part.json'), `${JSON.stringify(part, null, 2)}\n`);
  await cp(join(projectRoot, 'icons'), join(outdir, 'icons'), { recursive: true });
  return manifest;
}

function entryManifest(metafile: Metafile, outdir: string): FrontendManifest {
  const outputs = metafile.outputs;
  const rel = (file: string) => relative(outdir, resolve(projectRoot, file)).split('\\').join('/');
  const follow = (file: string, kinds: readonly string[], seen: Set<string>): string[] => {
    if (seen.has(file)) return [];
    seen.add(file);
    const imports = (outputs[file]?.imports ?? []).filter((i) => kinds.includes(i.kind));
    return [file, ...imports.flatMap((i) => follow(i.path, kinds, seen))];
  };
  const manifest: FrontendManifest = {};
  for (const [file, output] of Object.entries(outputs).sort(([a], [b]) => a.localeCompare(b))) {
    // Dynamic-import targets are entry points to esbuild too; only our placeholder entries are templates.
    if (!output.entryPoint?.startsWith('src/entries/') || !file.endsWith('.js')) continue;
    const loads = follow(file, ['import-statement'], new Set());
    const everything = follow(file, ['import-statement', 'dynamic-import'], new Set());
    manifest[basename(output.entryPoint, '.ts')] = {
      file: rel(file),
      loads: loads.map(rel),
      lazy: everything.filter((f) => !loads.includes(f)).map(rel),
    };
  }
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const manifest = await buildFrontend();
  for (const [name, entry] of Object.entries(manifest)) console.info(`${name}: ${entry.loads.join(', ')}`);
}
