import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { serverlessPart } from '../src/app-part';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '..');

/**
 * Bundles the handlers into one CommonJS server.js. The platform reads the handlers from the module's
 * `exports` object, so the footer makes the `exports` binding point at the bundle's exports too.
 */
export async function buildServer(outdir = join(projectRoot, 'dist')): Promise<string> {
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
    minify: false,
    legalComments: 'none',
    footer: { js: 'exports = module.exports;' },
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  });
  const { requestTemplates: _templates, ...part } = serverlessPart;
  await writeFile(join(outdir, 'app-part.json'), `${JSON.stringify({ ...part, requests: {} }, null, 2)}\n`);
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.info(await buildServer());
}
