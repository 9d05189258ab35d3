import type { Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

/** Where a barrel's value export really lives. */
interface Origin {
  file: string;
  name: string;
}

const BARRELS = ['@callbridge/core', '@callbridge/contracts', '@callbridge/ui'] as const;
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*'(@callbridge\/(?:core|contracts|ui))';/g;
const RE_EXPORT = /^export\s*\{([^}]*)\}\s*from\s*'([^']+)';/gm;

function sourceFile(base: string): string {
  for (const candidate of [`${base}.ts`, `${base}/index.ts`]) if (existsSync(candidate)) return candidate;
  throw new Error(`direct-imports: cannot find the module ${base} re-exported by a barrel`);
}

/** `export { a, b as c } from './x'` lines of a library's index: exported name -> its module and local name. */
async function readBarrel(indexFile: string): Promise<Map<string, Origin>> {
  const origins = new Map<string, Origin>();
  for (const [, specifiers = '', from = ''] of (await readFile(indexFile, 'utf8')).matchAll(RE_EXPORT)) {
    const file = sourceFile(resolve(dirname(indexFile), from));
    for (const specifier of specifiers.split(',').map((s) => s.trim())) {
      if (!specifier || specifier.startsWith('type ')) continue;
      const [name = '', alias = name] = specifier.split(/\s+as\s+/);
      origins.set(alias, { file, name });
    }
  }
  return origins;
}

/** `import { a, type B } from 'lib'` -> one import per module `a` lives in; undefined when a name is not a re-export. */
function rewrite(specifiers: string, origins: Map<string, Origin>): string | undefined {
  const byFile = new Map<string, string[]>();
  for (const specifier of specifiers.split(',').map((s) => s.trim())) {
    if (!specifier || specifier.startsWith('type ')) continue;
    const [name = '', local = name] = specifier.split(/\s+as\s+/);
    const origin = origins.get(name);
    if (!origin) return undefined;
    byFile.set(origin.file, [...(byFile.get(origin.file) ?? []), origin.name === local ? local : `${origin.name} as ${local}`]);
  }
  return [...byFile].map(([file, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(file)};`).join('\n');
}

/**
 * Imports our libraries' exports from the modules that define them instead of from the libraries' index files.
 * esbuild puts each file in the chunk of every entry that can reach it by imports, so through an index file a
 * module only the phone app uses would land in the chunk every placeholder loads (evanw/esbuild#3704).
 * `transform` then rewrites each of those sources further (the build minifies their Lit templates).
 */
export function directImports(ownSources: RegExp, transform: (source: string, path: string) => string = (source) => source): Plugin {
  return {
    name: 'callbridge-direct-imports',
    setup(build) {
      const require = createRequire(import.meta.url);
      const barrels = new Map(BARRELS.map((name) => [name, readBarrel(require.resolve(name))]));
      build.onLoad({ filter: ownSources, namespace: 'file' }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const replacements = new Map<string, string>();
        for (const [statement, specifiers = '', library = ''] of source.matchAll(IMPORT)) {
          const direct = rewrite(specifiers, await barrels.get(library as (typeof BARRELS)[number])!);
          if (direct !== undefined) replacements.set(statement, direct);
        }
        let contents = source;
        for (const [statement, direct] of replacements) contents = contents.replaceAll(statement, direct);
        return { contents: transform(contents, path), loader: 'ts', resolveDir: dirname(path) };
      });
    },
  };
}
