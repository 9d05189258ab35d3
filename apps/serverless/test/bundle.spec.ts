import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../scripts/build';

let outdir: string;
let source: string;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'cb-serverless-'));
  source = await readFile(await buildServer(outdir), 'utf8');
}, 60_000);
afterAll(() => rm(outdir, { recursive: true, force: true }));

type Handler = (payload: unknown) => void;

/** Loads server.js the way the platform does: a vm context whose `exports` holds the handlers. */
function load() {
  const answers: unknown[][] = [];
  const module = { exports: {} };
  const context = { module, exports: module.exports, renderData: (...args: unknown[]) => answers.push(args) };
  runInNewContext(source, context, { filename: 'server.js' });
  return { handlers: context.exports as Record<string, Handler>, answers };
}

describe('server.js bundle', () => {
  it('is one CommonJS file whose exports hold the handlers', () => {
    const { handlers } = load();
    expect(Object.keys(handlers).sort()).toEqual(['onAppInstall', 'onAppUninstall']);
  });

  it('runs a handler inside the sandbox and answers through renderData', () => {
    const { handlers, answers } = load();
    handlers.onAppInstall!({ productContext: { name: 'freshsales' } });
    expect(answers).toEqual([[null, {}]]);
  });

  it('needs nothing the platform sandbox lacks', () => {
    expect(source).not.toMatch(/\brequire\(/);
  });
});
