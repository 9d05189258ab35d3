import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { secureIparamNames, toRequestsJson, type RequestPlatformVersion } from '@callbridge/core';
import { serverlessPart } from '../src/app-part';

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

/**
 * Bundles the handlers into one CommonJS server.js. The platform reads the handlers from the module's
 * `exports` object, so the footer makes the `exports` binding point at the bundle's exports too. The platform
 * version is compiled in: the sandbox cannot tell free-form requests (2.1, 2.2) from templates (2.3).
 */
export async function buildServer(outdir = join(projectRoot, 'dist'), platformVersion?: RequestPlatformVersion): Promise<string> {
  const version = platformVersion ?? (await targetPlatformVersion());
  const outfile = join(outdir, 'server.js');
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [join(projectRoot, 'src/server.ts')],
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
  const { requestTemplates: templates, ...part } = serverlessPart;
  const requests = toRequestsJson(templates, { secureIparams: secureIparamNames(serverlessPart.iparams) });
  await writeFile(join(outdir, 'app-part.json'), `${JSON.stringify({ ...part, platformVersion: version, requests }, null, 2)}\n`);
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.info(await buildServer());
}
