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
    for (const entry of Object.values(manifest)) expect(entry.file).toMatch(/^[a-z-]+-[A-Z0-9]{8}\.js$/);
  });

  it('puts the shared runtime in one chunk every entry loads', async () => {
    const shared = manifest.contact!.loads.filter((f) => f.startsWith('chunks/'));
    expect(shared.length).toBeGreaterThan(0);
    for (const entry of Object.values(manifest)) expect(entry.loads).toEqual(expect.arrayContaining(shared));
    const chunk = await readFile(join(outdir, shared[0]!), 'utf8');
    expect(chunk).toContain('cb-call-list');
    expect(chunk).toMatch(/^import|export\{/m);
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
