import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempt, copyWorkspace, removeWorkspace, run, type Outcome } from './support/temp-workspace';

/**
 * Every generator, run with `npx nx g` in one temporary copy of this workspace, one after another as teams would;
 * then what CI runs on the projects they touch (lint, typecheck, test, build), the app's assembly and
 * `fdkit validate --strict`. One copy and one Nx run keep this to a couple of minutes on 2 cores.
 */
const GENERATORS = {
  placeholder: ['call-stats', '--placeholder=full_page_app'],
  modal: ['add-note'],
  'event-handler': ['onTaskCreate'],
  'server-method': ['callStats'],
  'request-template': ['statsListReports', '--host=api.example.com', '--path=/v1/reports'],
} as const;

type GeneratorName = keyof typeof GENERATORS;

/** What each generator's own tests are, so the run must show them passing. */
const SPECS: Record<GeneratorName, string[]> = {
  placeholder: ['apps/frontend/src/call-stats/call-stats.spec.ts'],
  modal: ['apps/frontend/src/add-note/add-note.spec.ts', 'libs/contracts/src/modals/add-note.spec.ts'],
  'event-handler': ['apps/serverless/src/exports/onTaskCreate.spec.ts'],
  'server-method': ['libs/contracts/src/methods/call-stats.spec.ts', 'apps/serverless/src/exports/callStats.spec.ts', 'apps/frontend/src/server-methods/call-stats.spec.ts'],
  'request-template': ['apps/serverless/src/requests/stats-list-reports.spec.ts'],
};

const PROJECTS = ['contracts', 'frontend', 'serverless', 'callbridge'];

interface Manifest {
  product: Record<string, { location: Record<string, { url: string; icon: string }>; events: Record<string, { handler: string }> }>;
  'whitelisted-domains': string[];
}

let root: string;
const generated = {} as Record<GeneratorName, string>;
let checks: Outcome;
let validation: Outcome;
let manifest: Manifest;

beforeAll(() => {
  root = copyWorkspace();
  for (const [name, args] of Object.entries(GENERATORS) as [GeneratorName, readonly string[]][]) {
    generated[name] = run(root, 'npx', ['--no-install', 'nx', 'g', `@callbridge/fdkit:${name}`, ...args]);
  }
  checks = attempt(root, 'npx', ['--no-install', 'nx', 'run-many', '-t', 'lint', 'typecheck', 'test', 'build', '-p', ...PROJECTS, '--outputStyle=static']);
  validation = attempt(root, 'npx', ['--no-install', 'fdkit', 'validate', 'dist/fdk', '--strict']);
  if (checks.ok) manifest = JSON.parse(readFileSync(join(root, 'dist/fdk/manifest.json'), 'utf8')) as Manifest;
}, 540_000);

afterAll(() => {
  if (root) removeWorkspace(root);
});

/** Whether the run shows the spec's file passing: vitest prints `✓ |<project>| <path in the project> (<n> tests)`. */
function passed(spec: string): boolean {
  const [, project = '', ...path] = spec.split('/');
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`✓\\s+\\|?${escape(project)}\\|?\\s+${escape(path.join('/'))} \\(`).test(checks.output);
}

describe('generators, all five in one temporary workspace', () => {
  it('leave lint, typecheck, test and build of contracts, frontend and serverless green, and the app assembled', () => {
    expect(checks.ok, checks.output.slice(-6000)).toBe(true);
  });

  it('leave an app fdkit validate --strict accepts', () => {
    expect(validation.ok, validation.output).toBe(true);
  });

  it.each(Object.keys(GENERATORS) as GeneratorName[])('%s: its tests ran and passed', (name) => {
    expect(generated[name]).toContain('CREATE ');
    for (const spec of SPECS[name]) {
      expect(existsSync(join(root, spec)), spec).toBe(true);
      expect(passed(spec), `${spec} did not pass:\n${checks.output.slice(-3000)}`).toBe(true);
    }
  });

  it('placeholder: full_page_app shows the new entry with its 64 x 64 icon in both products', () => {
    for (const product of ['freshworks_crm', 'freshsales']) {
      const location = manifest.product[product]!.location.full_page_app!;
      expect(location.url).toBe('call-stats.html');
      expect(readFileSync(join(root, 'dist/fdk/app', location.icon), 'utf8')).toContain('width="64" height="64"');
    }
  });

  it('modal: app/add-note.html loads its own entry', () => {
    expect(readFileSync(join(root, 'dist/fdk/app/add-note.html'), 'utf8')).toMatch(/add-note-[A-Z0-9]+\.min\.js/);
  });

  it('event-handler and server-method: declared for both products and exported by server.js', () => {
    for (const product of ['freshworks_crm', 'freshsales']) {
      expect(manifest.product[product]!.events.onTaskCreate).toEqual({ handler: 'onTaskCreate' });
    }
    // Platform 2.1 lists no functions in the manifest; the app part the assembler read declares them.
    const part = JSON.parse(readFileSync(join(root, 'apps/serverless/dist/app-part.json'), 'utf8')) as { functions: { name: string; timeout?: number }[] };
    expect(part.functions).toContainEqual({ name: 'callStats', timeout: 10, products: ['freshworks_crm', 'freshsales'] });
    const server = readFileSync(join(root, 'dist/fdk/server/server.js'), 'utf8');
    for (const name of ['onTaskCreate', 'callStats']) expect(server).toContain(name);
  });

  it('request-template: its host is one the app may call', () => {
    expect(manifest['whitelisted-domains']).toContain('https://api.example.com');
  });
});
