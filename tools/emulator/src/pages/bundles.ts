import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const BUNDLES = { client: 'client.ts', host: 'host.ts', 'iparams-form': 'iparams-form.ts' } as const;
export type BundleName = keyof typeof BUNDLES;

let built: Promise<Record<BundleName, string>> | undefined;

async function bundle(): Promise<Record<BundleName, string>> {
  const dir = fileURLToPath(new URL('../browser/', import.meta.url));
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(BUNDLES).map(([name, file]) => [name, `${dir}${file}`])),
    bundle: true,
    write: false,
    outdir: '/fdk-emulator',
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    sourcemap: 'inline',
    logLevel: 'silent',
    legalComments: 'none',
  });
  const out = {} as Record<BundleName, string>;
  for (const file of result.outputFiles) {
    const name = file.path.replace(/^.*[/\\]/, '').replace(/\.js$/, '') as BundleName;
    if (name in BUNDLES) out[name] = file.text;
  }
  return out;
}

/** The client, host and installation-form scripts, bundled once per process from `src/browser`. */
export function browserBundles(): Promise<Record<BundleName, string>> {
  built ??= bundle().catch((error: unknown) => {
    built = undefined;
    throw new Error(`emulator: could not bundle the browser scripts: ${(error as Error).message}`);
  });
  return built;
}
