import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const workspaceRoot = resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

beforeAll(() => {
  // The boundary rule reads Nx's cached project graph and silently skips without one.
  execFileSync('npx', ['--no-install', 'nx', 'show', 'projects'], { cwd: workspaceRoot, stdio: 'ignore' });
  eslint = new ESLint({
    cwd: workspaceRoot,
    // Fixture files do not exist on disk, so type-aware rules cannot run on them.
    overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
  });
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(workspaceRoot, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
    .map((m) => m.message);
}

describe('module boundaries', () => {
  it('stop the UI library importing serverless code', async () => {
    const errors = await boundaryErrors('libs/ui/src/fixture.ts', "import { onAppInstall } from '@callbridge/serverless';\nexport const x = onAppInstall;\n");
    expect(errors).toEqual([expect.stringMatching(/scope:frontend.*can only depend on libs tagged with.*scope:shared/s)]);
  });

  it('stop the core importing anything of ours', async () => {
    const errors = await boundaryErrors('libs/core/src/fixture.ts', "import { CbCallList } from '@callbridge/ui';\nexport const x = CbCallList;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('stop tools importing app code', async () => {
    const errors = await boundaryErrors('tools/fdkit/src/fixture.ts', "import { onAppInstall } from '@callbridge/serverless';\nexport const x = onAppInstall;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('stop serverless code importing front-end code', async () => {
    const errors = await boundaryErrors('apps/serverless/src/fixture.ts', "import { CbCallList } from '@callbridge/ui';\nexport const x = CbCallList;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('let apps and the UI use the core', async () => {
    for (const file of ['libs/ui/src/fixture.ts', 'apps/frontend/src/fixture.ts', 'apps/serverless/src/fixture.ts', 'tools/fdkit/src/fixture.ts']) {
      expect(await boundaryErrors(file, "import { PRODUCTS } from '@callbridge/core';\nexport const x = PRODUCTS;\n")).toEqual([]);
    }
  });
});
