import type { FrontendPart, ModalDefinition, PlaceholderDefinition } from '@callbridge/core';
import { discoverDefinitions } from '@callbridge/core/build';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { frontendPart } from '../src/app-part';
import { directImports } from './direct-imports';
import { minifyTemplates } from './minify-templates';
import { runtimeModules, staticClosure } from './runtime-modules';
import { discoverRuntimeUses, readRuntimeUses, runtimeEntry, runtimeSource, useRuntime } from './shared-runtime';
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

/** The app part: the lists in `src/app-part.ts`, then one placeholder or modal per file under `src/app-part/`. */
export async function readFrontendPart(partDir = join(projectRoot, 'src/app-part')): Promise<FrontendPart> {
  const placeholders = await discoverDefinitions<PlaceholderDefinition>(join(partDir, 'placeholders'), 'entry', projectRoot);
  const modals = await discoverDefinitions<ModalDefinition>(join(partDir, 'modals'), 'name', projectRoot);
  return { placeholders: [...frontendPart.placeholders, ...placeholders], modals: [...frontendPart.modals, ...modals] };
}

const RUNTIME_NAME = 'runtime';
/** valibot's functions only build schemas and it imports nothing: a lazy chunk may carry what only it uses. */
const COPYABLE = /[\\/]node_modules[\\/]valibot[\\/]/;

/**
 * Bundles one browser ESM entry per placeholder and modal, each on its own, beside one shared runtime every entry
 * imports (scripts/runtime-modules.ts says what is in it, scripts/shared-runtime.ts how): a placeholder loads its
 * template, its entry and the runtime, and its lazy chunks on first use.
 */
export async function buildFrontend(outdir = join(projectRoot, 'dist')): Promise<FrontendManifest> {
  const entriesDir = join(projectRoot, 'src/entries');
  const entryPoints = (await readdir(entriesDir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .sort()
    .map((name) => join(entriesDir, name));
  const part = await readFrontendPart();
  // Our sources and the libraries that import from our other libraries' index files.
  const own = directImports(/[\\/](apps[\\/]frontend|libs[\\/](ui|contracts))[\\/]src[\\/].*\.ts$/, minifyTemplates);
  const options = {
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    outdir,
    write: false,
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  } satisfies BuildOptions;
  const at = (file: string) => resolve(projectRoot, file);

  const graph = await build({ ...options, entryPoints, plugins: [own] });
  const runtime = new Set([...runtimeModules(graph.metafile.inputs, entryPoints.map((file) => relative(projectRoot, file).split('\\').join('/')))].map(at));
  const exported = await build({ ...options, entryPoints: [...runtime].sort(), plugins: [own] });
  const exportsOf = new Map(Object.values(exported.metafile.outputs).flatMap((output) => (output.entryPoint ? [[at(output.entryPoint), output.exports] as const] : [])));
  const discovered = await build({ ...options, entryPoints, minifySyntax: true, plugins: [discoverRuntimeUses(runtime, exportsOf), own] });
  const uses = readRuntimeUses(discovered.outputFiles);
  const entryModules = new Map(entryPoints.map((entry) => [entry, new Set([...staticClosure(graph.metafile.inputs, relative(projectRoot, entry).split('\\').join('/'))].map(at))]));
  const copyable = { modules: new Set([...runtime].filter((file) => COPYABLE.test(file))), upFront: new Set([...entryModules.values()].flatMap((modules) => [...modules])) };
  const source = runtimeSource(uses, resolve(projectRoot, '../..'), copyable);
  const runtimeBuild = await build({
    ...options,
    splitting: false,
    entryPoints: { [RUNTIME_NAME]: 'cb-runtime-entry' },
    minify: true,
    // `.min.js` tells validators (ours and the platform's) these are generated bundles, not hand-written code.
    entryNames: '[name]-[hash].min',
    plugins: [runtimeEntry(source.source, projectRoot), own],
  });
  const [runtimeOutput] = runtimeBuild.outputFiles;
  const runtimeFile = relative(outdir, runtimeOutput!.path).split('\\').join('/');

  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const written = new Map<string, Uint8Array>([[runtimeOutput!.path, runtimeOutput!.contents]]);
  const manifest: FrontendManifest = {};
  const builds = await Promise.all(
    entryPoints.map((entry) =>
      build({
        ...options,
        entryPoints: [entry],
        minify: true,
        entryNames: '[name]-[hash].min',
        chunkNames: '[name]-[hash].min',
        plugins: [useRuntime(runtime, uses, source, runtimeFile, entryModules.get(entry)!), own],
      }),
    ),
  );
  for (const result of builds) {
    for (const file of result.outputFiles) {
      const before = written.get(file.path);
      // Each entry is built on its own; a lazy chunk two entries share must come out the same from both.
      if (before && Buffer.compare(before, file.contents) !== 0) throw new Error(`${relative(outdir, file.path)}: two entries' builds wrote it differently`);
      written.set(file.path, file.contents);
    }
    Object.assign(manifest, entryManifest(result.metafile, outdir, runtimeFile));
  }
  for (const [file, contents] of [...written].sort(([a], [b]) => a.localeCompare(b))) await writeFile(file, contents);
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(join(outdir, 'entries.json'), `${JSON.stringify(sorted, null, 2)}\n`);
  await writeFile(join(outdir, 'app-part.json'), `${JSON.stringify(part, null, 2)}\n`);
  await cp(join(projectRoot, 'icons'), join(outdir, 'icons'), { recursive: true });
  return sorted;
}

/** The entry of one entry's own build: it loads itself and the runtime up front, and its lazy chunks on first use. */
function entryManifest(metafile: Metafile, outdir: string, runtimeFile: string): FrontendManifest {
  const outputs = metafile.outputs;
  const rel = (file: string) => relative(outdir, resolve(projectRoot, file)).split('\\').join('/');
  const manifest: FrontendManifest = {};
  for (const [file, output] of Object.entries(outputs)) {
    if (!output.entryPoint?.startsWith('src/entries/') || !file.endsWith('.js')) continue;
    const upFront = output.imports.filter((i) => i.kind === 'import-statement');
    const extra = upFront.filter((i) => !i.external || i.path !== `./${runtimeFile}`);
    if (extra.length) {
      throw new Error(`${output.entryPoint}: loads ${extra.map((i) => i.path).join(', ')} up front besides the runtime; code it shares with its lazy chunks belongs in the runtime`);
    }
    const lazy = new Set<string>();
    const pending = output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
    while (pending.length) {
      const next = pending.shift()!;
      if (lazy.has(next)) continue;
      lazy.add(next);
      pending.push(...(outputs[next]?.imports ?? []).filter((i) => !i.external).map((i) => i.path));
    }
    manifest[basename(output.entryPoint, '.ts')] = { file: rel(file), loads: [rel(file), runtimeFile], lazy: [...lazy].map(rel).sort() };
  }
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const manifest = await buildFrontend();
  for (const [name, entry] of Object.entries(manifest)) console.info(`${name}: ${entry.loads.join(', ')}`);
}
