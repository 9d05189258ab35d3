// @vitest-environment node
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directImports } from '../scripts/direct-imports';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(import.meta.dirname, '.direct-imports-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function bundle(source: string): Promise<{ code: string; inputs: string[] }> {
  const entry = join(dir, 'entry.ts');
  await writeFile(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
    plugins: [directImports(/[\\/]\.direct-imports-[^\\/]+[\\/].*\.ts$/)],
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

describe('directImports', () => {
  it('imports from the modules that define the names, never through the libraries’ index files', async () => {
    const { inputs } = await bundle(
      "import { normalizePhone as normal } from '@callbridge/contracts';\nimport { type HostPort, ServerMethodError } from '@callbridge/core';\nimport type { PlatformClient } from '@callbridge/core';\nexport const run = (h?: HostPort, c?: PlatformClient) => [normal('+1'), ServerMethodError, h, c];\n",
    );
    expect(inputs.some((f) => f.endsWith('contracts/src/phone.ts'))).toBe(true);
    expect(inputs.some((f) => f.endsWith('core/src/host/port.ts'))).toBe(true);
    expect(inputs.filter((f) => f.endsWith('/src/index.ts'))).toEqual([]);
  });

  it('follows renamed re-exports', async () => {
    const { code } = await bundle("import { panelStrings } from '@callbridge/ui';\nexport const strings = panelStrings;\n");
    expect(code).toContain('Recent calls');
  });

  it('leaves an import alone when a name is not a re-export it knows, so esbuild reports it against the library', async () => {
    await expect(bundle("import { t, notAnExport } from '@callbridge/ui';\nexport const x = [t, notAnExport];\n")).rejects.toThrow(
      /No matching export in "[^"]*ui\/src\/index.ts" for import "notAnExport"/,
    );
  });
});
