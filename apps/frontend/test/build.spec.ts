// @vitest-environment node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFrontend, type FrontendManifest } from '../scripts/build';

let outdir: string;
let manifest: FrontendManifest;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'cb-frontend-'));
  manifest = await buildFrontend(outdir);
}, 60_000);
afterAll(() => rm(outdir, { recursive: true, force: true }));

describe('frontend build', () => {
  it('emits one hashed ESM entry per placeholder and the modal', () => {
    expect(Object.keys(manifest).sort()).toEqual(['contact', 'deal', 'lead', 'modal', 'phone', 'sales-account']);
    for (const entry of Object.values(manifest)) expect(entry.file).toMatch(/^[a-z-]+-[A-Z0-9]{8}\.min\.js$/);
  });

  it('puts the shared runtime (Lit, the core\'s host, the schemas) in chunks every entry loads, never in an entry', async () => {
    const everyone = Object.values(manifest).map((entry) => new Set(entry.loads.filter((f) => f.startsWith('chunks/'))));
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
