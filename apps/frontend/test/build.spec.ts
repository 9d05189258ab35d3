// @vitest-environment node
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFrontend, readFrontendPart, type FrontendManifest } from '../scripts/build';
import { frontendPart } from '../src/app-part';

let outdir: string;
let manifest: FrontendManifest;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'cb-frontend-'));
  manifest = await buildFrontend(outdir);
}, 60_000);
afterAll(() => rm(outdir, { recursive: true, force: true }));

describe('frontend build', () => {
  it('emits one hashed ESM entry per placeholder and the modal', async () => {
    const entries = (await readdir(join(import.meta.dirname, '../src/entries'))).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    expect(Object.keys(manifest).sort()).toEqual(entries.map((f) => basename(f, '.ts')).sort());
    expect(Object.keys(manifest)).toEqual(expect.arrayContaining(['contact', 'deal', 'lead', 'modal', 'phone', 'sales-account']));
    for (const entry of Object.values(manifest)) expect(entry.file).toMatch(/^[a-z-]+-[A-Z0-9]{8}\.min\.js$/);
  });

  it('puts the shared runtime (Lit, the core\'s host, the schemas) in chunks every entry loads, never in an entry', async () => {
    // Callbridge's own surfaces; a placeholder added later may need less of the runtime (no schemas, say).
    const surfaces = [...frontendPart.placeholders, ...frontendPart.modals].map(({ entry }) => manifest[entry]!);
    const everyone = surfaces.map((entry) => new Set(entry.loads.filter((f) => f.startsWith('chunks/'))));
    const shared = [...everyone[0]!].filter((chunk) => everyone.every((loads) => loads.has(chunk)));
    const sharedCode = (await Promise.all(shared.map((f) => readFile(join(outdir, f), 'utf8')))).join('\n');
    // esbuild splits by which entries (and lazy imports) reach code, so the runtime may span a few chunks.
    expect(shared.length).toBeGreaterThan(0);
    expect(sharedCode).toContain('lit-html');
    expect(sharedCode).toContain('This app runs in Freshworks CRM or Freshsales');
    expect(sharedCode).toContain('valibot');
    for (const entry of Object.values(manifest)) {
      const own = await readFile(join(outdir, entry.file), 'utf8');
      expect(own).not.toContain('lit-html');
    }
  });

  it('loads modal and messaging code only when a placeholder first needs it', () => {
    for (const entry of Object.values(manifest)) {
      expect(entry.loads.some((f) => /open-modal|modal-session|messenger/.test(f))).toBe(false);
      expect(entry.lazy.some((f) => f.includes('open-modal'))).toBe(true);
    }
  });

  it('bundles each placeholder’s components only where they are used', async () => {
    const code = async (entry: string) => (await Promise.all(manifest[entry]!.loads.map((f) => readFile(join(outdir, f), 'utf8')))).join('\n');
    const contact = await code('contact');
    expect(contact).toContain('cb-record-panel');
    for (const elsewhere of ['cb-phone-app', 'cb-dial-pad', 'cb-modal-root', 'cb-log-call-form', 'call.incoming', 'placeholder_type_classic', 'Find caller']) {
      expect(contact).not.toContain(elsewhere);
    }
    const modal = await code('modal');
    for (const elsewhere of ['cb-record-panel', 'cb-phone-app', 'cb-call-list']) expect(modal).not.toContain(elsewhere);
    expect(await code('phone')).toContain('call.incoming');
  });

  it('writes entries.json beside the bundles', async () => {
    expect(JSON.parse(await readFile(join(outdir, 'entries.json'), 'utf8'))).toEqual(manifest);
  });
});

describe('frontend app part', () => {
  it('describes placeholders whose entries and icons were built', async () => {
    const part = JSON.parse(await readFile(join(outdir, 'app-part.json'), 'utf8')) as { placeholders: { entry: string; icon: string }[]; modals: { entry: string }[] };
    for (const { entry, icon } of part.placeholders) {
      expect(manifest[entry]).toBeDefined();
      expect(await readFile(join(outdir, 'icons', icon), 'utf8')).toContain('<svg');
    }
    for (const { entry } of part.modals) expect(manifest[entry]).toBeDefined();
  });
});

describe('placeholders and modals added one file each (src/app-part/)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cb-frontend-part-'));
    await mkdir(join(dir, 'placeholders'));
    await mkdir(join(dir, 'modals'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads only the static lists when the folders are missing', async () => {
    expect(await readFrontendPart(join(dir, 'missing'))).toEqual(frontendPart);
  });

  it('appends each file’s definition after the static lists, in file name order, specs aside', async () => {
    const placeholder = (entry: string) => ({ placeholder: 'full_page_app', entry, icon: `${entry}.svg`, products: ['freshsales'] });
    await writeFile(join(dir, 'placeholders/b-page.ts'), `export default ${JSON.stringify(placeholder('b-page'))};\n`);
    await writeFile(join(dir, 'placeholders/a-page.ts'), `export default ${JSON.stringify(placeholder('a-page'))};\n`);
    await writeFile(join(dir, 'placeholders/a-page.spec.ts'), 'throw new Error("never read");\n');
    await writeFile(join(dir, 'modals/note.ts'), 'export default { name: "note", entry: "note" };\n');
    const part = await readFrontendPart(dir);
    expect(part.placeholders).toEqual([...frontendPart.placeholders, placeholder('a-page'), placeholder('b-page')]);
    expect(part.modals).toEqual([...frontendPart.modals, { name: 'note', entry: 'note' }]);
  });

  it('refuses a file whose definition is named otherwise, naming the file', async () => {
    await writeFile(join(dir, 'modals/other.ts'), 'export default { name: "note", entry: "note" };\n');
    await expect(readFrontendPart(dir)).rejects.toThrow(/modals\/other\.ts: the default export must be a definition whose name is "other" \(the file's name\); found "note"/);
  });
});
