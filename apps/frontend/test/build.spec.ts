// @vitest-environment node
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFrontend, readFrontendPart, type FrontendManifest } from '../scripts/build';
import { frontendPart } from '../src/app-part';

let outdir: string;
let manifest: FrontendManifest;

const read = (file: string) => readFile(join(outdir, file), 'utf8');
/** The files a minified ESM bundle imports up front (`import … from "./x"`, `import "./x"`). */
const staticImports = (code: string) => [...code.matchAll(/(?:^|[;}])import\s*(?:[\w$*{][^"]*?from\s*)?"([^"]+)"/g)].map(([, file]) => file!);

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

  it('has every placeholder load its entry and the one shared runtime up front, nothing else', async () => {
    const runtimes = new Set(Object.values(manifest).map((entry) => entry.loads[1]));
    expect(runtimes.size).toBe(1);
    const [runtime] = runtimes;
    expect(runtime).toMatch(/^runtime-[A-Z0-9]{8}\.min\.js$/);
    for (const entry of Object.values(manifest)) {
      expect(entry.loads).toEqual([entry.file, runtime]);
      expect(staticImports(await read(entry.file))).toEqual([`./${runtime}`]);
    }
  });

  it("puts Lit, valibot and the core's schemas in the runtime, and never in an entry", async () => {
    const runtime = await read(manifest.contact!.loads[1]!);
    expect(runtime).toContain('lit-html');
    expect(runtime).toContain('valibot');
    // The core's schema check, which every server call and message goes through.
    expect(runtime).toContain('contracts must validate synchronously');
    for (const entry of Object.values(manifest)) expect((await read(entry.file)).includes('lit-html'), entry.file).toBe(false);
  });

  it('leaves what only some placeholders use out of the runtime every placeholder loads', async () => {
    const runtime = await read(manifest.contact!.loads[1]!);
    for (const elsewhere of ['cb-record-panel', 'cb-phone-app', 'cb-dial-pad', 'cb-modal-root', 'cb-log-call-form', 'cb-call-list', 'call.incoming', 'listCalls', 'findByPhone', 'type:"variant"', 'The agent email is not an email address', 'essayer' /* French */]) {
      expect(runtime.includes(elsewhere), elsewhere).toBe(false);
    }
  });

  it('loads modal and messaging code only when a placeholder first needs it, and every lazy chunk it names exists', async () => {
    const files = new Set(await readdir(outdir));
    for (const entry of Object.values(manifest)) {
      expect(entry.loads.some((f) => /open-modal|modal-session|messenger/.test(f))).toBe(false);
      expect(entry.lazy.some((f) => f.includes('open-modal'))).toBe(true);
      for (const file of entry.lazy) {
        expect(files.has(file), file).toBe(true);
        // A lazy chunk imports the runtime and other lazy chunks of its entry, nothing it could miss.
        for (const imported of staticImports(await read(file))) expect([entry.loads[1], ...entry.lazy]).toContain(imported.slice(2));
      }
    }
  });

  it('bundles each placeholder’s components only where they are used', async () => {
    const code = async (files: readonly string[]) => (await Promise.all(files.map(read))).join('\n');
    const upFront = (entry: string) => code(manifest[entry]!.loads);
    const lazy = (entry: string) => code(manifest[entry]!.lazy);
    /** Whether `text` is in `bundle`, or the element `text` is defined there (`cb-*`). */
    const has = (bundle: string, text: string) => bundle.includes(text.startsWith('cb-') ? `define("${text}"` : text);
    const contact = await upFront('contact');
    expect(has(contact, 'cb-record-panel')).toBe(true);
    for (const elsewhere of ['cb-phone-app', 'cb-dial-pad', 'cb-modal-root', 'cb-log-call-form', 'call.incoming', 'placeholder_type_classic', 'Find caller']) {
      expect(has(contact, elsewhere), elsewhere).toBe(false);
    }
    // The modal loads the form of its mode once it knows it.
    const modal = await upFront('modal');
    for (const elsewhere of ['cb-record-panel', 'cb-phone-app', 'cb-call-list', 'cb-log-call-form', 'cb-create-contact-form']) expect(has(modal, elsewhere), elsewhere).toBe(false);
    for (const form of ['cb-log-call-form', 'cb-create-contact-form']) expect(has(await lazy('modal'), form), form).toBe(true);
    // The phone app shows its dial pad first; the log form, the placeholder form, instance messaging and the dial
    // contract load later.
    const phone = await upFront('phone');
    expect(has(phone, 'cb-dial-pad')).toBe(true);
    for (const later of ['cb-log-call-form', 'placeholder_type_classic', 'call.incoming', 'agentEmail']) {
      expect(has(phone, later), later).toBe(false);
      expect(has(await lazy('phone'), later), later).toBe(true);
    }
  });

  it('is deterministic: a second build writes the same files, byte for byte', async () => {
    const again = await mkdtemp(join(tmpdir(), 'cb-frontend-again-'));
    try {
      expect(await buildFrontend(again)).toEqual(manifest);
      const names = (await readdir(outdir, { recursive: true })).sort();
      expect((await readdir(again, { recursive: true })).sort()).toEqual(names);
      for (const name of names.filter((n) => n.endsWith('.js') || n.endsWith('.json'))) {
        expect(await readFile(join(again, name), 'utf8'), name).toBe(await readFile(join(outdir, name), 'utf8'));
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  }, 60_000);

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
