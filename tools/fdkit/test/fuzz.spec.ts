import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, removeApps } from '../src/testing';
import { exitCodeOf, validateApp } from '../src/validate';

/** A small seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'platform-version', 'product', 'modules', 'common', 'freshworks_crm', 'freshsales', 'freshdesk', 'location', 'events', 'functions', 'requests',
  'url', 'icon', 'handler', 'timeout', 'whitelisted-domains', 'dependencies', 'engines', 'node', 'fdk', 'contact_entity_menu', 'left_nav_cti',
  'onAppInstall', 'onLeadCreate', 'display_name', 'type', 'options', 'default_value', 'required', 'secure', 'visible', 'regex', 'data-bind',
  'type_attributes', 'change', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'x-error', 'api_key', 'crm_api_key',
];
const STRINGS = [
  '', ' ', '2.0', '2.1', '2.2', '2.3', '3.0', '3.99', '9.9', 'text', 'dropdown', 'checkbox', 'multiselect', 'api_key', 'domain', 'product.api_key',
  'index.html', 'icon.svg', '../../../etc/passwd', '/etc/passwd', 'https://x.io', '<%= iparam.x', '([a-z', 'onRecordCreateHandler', 'listCalls',
  '__proto__', 'constructor', 'x'.repeat(5000), '\u0000', '\ud800', '🙂', '<script>', '%s%n',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function value(next: () => number, depth: number): Json {
  const pick = next();
  if (depth > 3 || pick < 0.35) return STRINGS[Math.floor(next() * STRINGS.length)] ?? '';
  if (pick < 0.45) return [0, -1, 1.5, 1e308, -1e308, 2 ** 53, 20, 21][Math.floor(next() * 8)] ?? 0;
  if (pick < 0.55) return next() < 0.5;
  if (pick < 0.6) return null;
  if (pick < 0.75) return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
  const object: { [key: string]: Json } = {};
  for (let i = Math.floor(next() * 4); i > 0; i--) object[KEYS[Math.floor(next() * KEYS.length)] ?? 'k'] = value(next, depth + 1);
  return object;
}

/** Picks a random object or array inside the document, with its parent chain. */
function someContainer(document: Json, next: () => number): Json[] | { [key: string]: Json } | undefined {
  let node = document;
  let chosen: Json[] | { [key: string]: Json } | undefined;
  for (let depth = 0; depth < 6 && node !== null && typeof node === 'object'; depth++) {
    chosen = node;
    const children = Object.values(node);
    if (children.length === 0 || next() < 0.3) break;
    node = children[Math.floor(next() * children.length)] ?? null;
  }
  return chosen;
}

function mutateStructure(document: Json, next: () => number): Json {
  if (next() < 0.05) return value(next, 0);
  for (let i = 1 + Math.floor(next() * 3); i > 0; i--) {
    const container = someContainer(document, next);
    if (!container) break;
    const keys = Object.keys(container);
    const key = keys[Math.floor(next() * keys.length)];
    const operation = next();
    if (Array.isArray(container)) {
      if (operation < 0.5 || key === undefined) container.push(value(next, 2));
      else container.splice(Number(key), 1);
    } else if (operation < 0.3 && key !== undefined) delete container[key];
    else if (operation < 0.6 && key !== undefined) container[key] = value(next, 2);
    else if (operation < 0.8 && key !== undefined) {
      const moved = container[key] ?? null;
      delete container[key];
      container[KEYS[Math.floor(next() * KEYS.length)] ?? 'k'] = moved;
    } else container[KEYS[Math.floor(next() * KEYS.length)] ?? 'k'] = value(next, 1);
  }
  return document;
}

function mutateText(text: string, next: () => number): string | Uint8Array {
  const at = Math.floor(next() * text.length);
  const operation = next();
  if (operation < 0.25) return text.slice(0, at);
  if (operation < 0.5) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
  if (operation < 0.75) return text.slice(0, at) + ('{}[],:"\\\'/* \n\t0-'[Math.floor(next() * 17)] ?? '') + text.slice(at);
  if (operation < 0.9) return text.slice(0, at) + text.slice(Math.floor(next() * text.length));
  return Uint8Array.from({ length: 1 + Math.floor(next() * 300) }, () => Math.floor(next() * 256));
}

const RUNS = 3000;
let dir: string;
let bases: Record<'manifest.json' | 'config/iparams.json', string>;

beforeAll(async () => {
  dir = await makeApp('omni-2.1');
  bases = {
    'manifest.json': readFileSync(join(dir, 'manifest.json'), 'utf8'),
    'config/iparams.json': readFileSync(join(dir, 'config/iparams.json'), 'utf8'),
  };
});
afterAll(removeApps);

describe('validate, fed mutated manifests and iparams', () => {
  it(`never throws and always exits 0 or 1 (${RUNS} runs)`, async () => {
    const next = random(20_260_521);
    const codes = { 0: 0, 1: 0 };
    for (let run = 0; run < RUNS; run++) {
      // Alternate the file under test; the other one is put back from the previous run.
      const file = run % 2 === 0 ? 'manifest.json' : 'config/iparams.json';
      const other = file === 'manifest.json' ? 'config/iparams.json' : 'manifest.json';
      const base = bases[file];
      const mutated = next() < 0.7 ? JSON.stringify(mutateStructure(JSON.parse(base) as Json, next), null, next() < 0.5 ? 2 : 0) : mutateText(base, next);
      writeFileSync(join(dir, file), mutated);
      if (run > 0) writeFileSync(join(dir, other), bases[other]);
      const report = await validateApp(dir);
      const code = exitCodeOf(report);
      if (code === 2) throw new Error(`run ${run} could not validate: ${JSON.stringify(report.errors)}\n${String(mutated)}`);
      codes[code]++;
      for (const finding of [...report.errors, ...report.warnings]) {
        if (![finding.rule, finding.file, finding.location, finding.message].every((field) => typeof field === 'string') || finding.message === '') {
          throw new Error(`run ${run} produced a malformed finding: ${JSON.stringify(finding)}`);
        }
      }
    }
    // Most mutations break something; some are harmless (an unknown key, a reordered object).
    expect(codes[1]).toBeGreaterThan(RUNS / 2);
    expect(codes[0]).toBeGreaterThan(0);
  }, 120_000);
});
