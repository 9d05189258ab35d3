// Bytes each placeholder loads up front (its template, its entry and the shared runtime: entries.json `loads`), raw,
// gzip and brotli, beside a plain Lit hello-world and an empty template bundled the same way; and, so no size hides
// there, what it may load later (`lazy`: forms, modal and messaging code), gzip.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { workspaceRoot } from './workspace.mts';

export interface SizeRow {
  name: string;
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
  /** Every file the entry may load on first use, each gzipped on its own. */
  lazy?: { files: number; gzip: number };
}

const gzip = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const brotli = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function measure(name: string, buffers: Buffer[]): SizeRow {
  // Each file is fetched and compressed on its own, as a browser receives them.
  return {
    name,
    files: buffers.length,
    raw: buffers.reduce((n, b) => n + b.length, 0),
    gzip: buffers.reduce((n, b) => n + gzip(b), 0),
    brotli: buffers.reduce((n, b) => n + brotli(b), 0),
  };
}

/** Bundles one entry the way apps/frontend/scripts/build.ts does (ESM, minified, browser). */
async function bundleLikeTheApp(source: string): Promise<Buffer> {
  const dir = await mkdtemp(join(workspaceRoot, 'apps/frontend/.bench-'));
  try {
    await writeFile(join(dir, 'entry.ts'), source);
    const result = await build({
      entryPoints: [join(dir, 'entry.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      write: false,
      absWorkingDir: join(workspaceRoot, 'apps/frontend'),
      logLevel: 'error',
    });
    return Buffer.from(result.outputFiles[0]!.contents);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const LIT_HELLO = `import { LitElement, html } from 'lit';
class HelloWorld extends LitElement { render() { return html\`<p>Hello, world</p>\`; } }
customElements.define('hello-world', HelloWorld);
document.body.append(document.createElement('hello-world'));
`;
const EMPTY_TEMPLATE = `document.body.textContent = '';\n`;
const TEMPLATE_HTML = (script: string) =>
  Buffer.from(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title><script src="https://static.freshdev.io/fdk/2.0/assets/fresh_client.js"></script><script type="module" src="${script}"></script></head><body></body></html>\n`);

export async function measureSizes(): Promise<SizeRow[]> {
  const appDir = join(workspaceRoot, 'dist/fdk/app');
  const entries = JSON.parse(await readFile(join(workspaceRoot, 'apps/frontend/dist/entries.json'), 'utf8')) as Record<string, { loads: string[]; lazy: string[] }>;
  const rows: SizeRow[] = [];
  const read = (files: string[]) => Promise.all(files.map((file) => readFile(join(appDir, file))));
  for (const [entry, { loads, lazy }] of Object.entries(entries)) {
    const later = measure(entry, await read(lazy));
    rows.push({ ...measure(entry, [await readFile(join(appDir, `${entry}.html`)), ...(await read(loads))]), lazy: { files: later.files, gzip: later.gzip } });
  }
  rows.push(measure('(lit hello-world)', [TEMPLATE_HTML('hello.js'), await bundleLikeTheApp(LIT_HELLO)]));
  rows.push(measure('(empty template)', [TEMPLATE_HTML('empty.js'), await bundleLikeTheApp(EMPTY_TEMPLATE)]));
  return rows;
}
