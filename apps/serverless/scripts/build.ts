import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  secureIparamNames,
  toRequestsJson,
  type AnyRequestTemplate,
  type EventDefinition,
  type RequestPlatformVersion,
  type ServerlessPart,
  type ServerMethodDefinition,
} from '@callbridge/core';
import { serverlessPart } from '../src/app-part';
import { discoverDefinitions, sourcesIn } from '@callbridge/core/build';

const projectRoot = resolve(import.meta.dirname, '..');
const workspaceRoot = resolve(projectRoot, '../..');
const VERSIONS: readonly string[] = ['2.1', '2.2', '2.3'];

/** The platform version server.js is built for: CALLBRIDGE_PLATFORM_VERSION, else fdkit.json's, else 2.1. */
export async function targetPlatformVersion(): Promise<RequestPlatformVersion> {
  const fromEnv = process.env.CALLBRIDGE_PLATFORM_VERSION;
  const configured = fromEnv ?? ((JSON.parse(await readFile(join(workspaceRoot, 'fdkit.json'), 'utf8')) as { platformVersion?: string }).platformVersion ?? '2.1');
  if (!VERSIONS.includes(configured)) throw new Error(`platform version "${configured}" must be one of ${VERSIONS.join(', ')}`);
  return configured as RequestPlatformVersion;
}

/** The app part: the lists in `src/app-part.ts`, then one event, server method or request template per file under `src/app-part/`. */
export async function readServerlessPart(partDir = join(projectRoot, 'src/app-part')): Promise<ServerlessPart<AnyRequestTemplate>> {
  const events = await discoverDefinitions<EventDefinition>(join(partDir, 'events'), 'event', projectRoot);
  const functions = await discoverDefinitions<ServerMethodDefinition>(join(partDir, 'functions'), 'name', projectRoot);
  const requestTemplates = await discoverDefinitions<AnyRequestTemplate>(join(partDir, 'requests'), 'name', projectRoot);
  return {
    ...serverlessPart,
    events: [...serverlessPart.events, ...events],
    functions: [...serverlessPart.functions, ...functions],
    requestTemplates: [...serverlessPart.requestTemplates, ...requestTemplates],
  };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The handlers server.js exports besides `src/server.ts`'s: `src/exports/<name>.ts` exports `<name>`. */
export async function addedExports(exportsDir = join(projectRoot, 'src/exports')): Promise<string[]> {
  const names = (await sourcesIn(exportsDir)).map((file) => basename(file, '.ts'));
  for (const name of names) {
    if (!IDENTIFIER.test(name)) throw new Error(`src/exports/${name}.ts: name the file after the handler it exports, a JavaScript identifier such as onTaskCreate`);
  }
  return names;
}

/** The bundle's entry: everything `src/server.ts` exports, and each added handler under its own name. */
export function serverEntry(added: readonly string[]): string {
  return [`export * from './src/server.ts';`, ...added.map((name) => `export { ${name} } from './src/exports/${name}.ts';`)].join('\n');
}

/**
 * Bundles the handlers into one CommonJS server.js. The platform reads the handlers from the module's
 * `exports` object, so the footer makes the `exports` binding point at the bundle's exports too. The platform
 * version is compiled in: the sandbox cannot tell free-form requests (2.1, 2.2) from templates (2.3).
 */
export async function buildServer(outdir = join(projectRoot, 'dist'), platformVersion?: RequestPlatformVersion): Promise<string> {
  const version = platformVersion ?? (await targetPlatformVersion());
  const outfile = join(outdir, 'server.js');
  const appPart = await readServerlessPart();
  const entry = serverEntry(await addedExports());
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    stdin: { contents: entry, resolveDir: projectRoot, sourcefile: 'server-entry.ts', loader: 'ts' },
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    // Minified, as fdk validate expects of generated code: the style rules (no-unused-vars, no-empty-function)
    // would otherwise judge the bundled libraries; the sources ship in src/ for review.
    minify: true,
    legalComments: 'none',
    define: { __CALLBRIDGE_PLATFORM_VERSION__: JSON.stringify(version) },
    footer: { js: 'exports = module.exports;' },
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  });
  const { requestTemplates: templates, ...part } = appPart;
  const requests = toRequestsJson(templates, { secureIparams: secureIparamNames(appPart.iparams) });
  await writeFile(join(outdir, 'app-part.json'), `${JSON.stringify({ ...part, platformVersion: version, requests }, null, 2)}\n`);
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.info(await buildServer());
}
