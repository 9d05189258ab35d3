// @vitest-environment node
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runtimeModules } from '../scripts/runtime-modules';

/** A module graph as esbuild's metafile lists it: each module and what it imports, statically or lazily. */
function graph(edges: Record<string, { imports?: string[]; lazy?: string[] }>): Metafile['inputs'] {
  return Object.fromEntries(
    Object.entries(edges).map(([file, { imports = [], lazy = [] }]) => [
      file,
      {
        bytes: 1,
        imports: [...imports.map((path) => ({ path, kind: 'import-statement' as const })), ...lazy.map((path) => ({ path, kind: 'dynamic-import' as const }))],
      },
    ]),
  );
}

describe('runtimeModules', () => {
  it('takes what every entry imports, with its dependencies, and nothing only some entries use', () => {
    const inputs = graph({
      'a.ts': { imports: ['lit', 'panel.ts'] },
      'b.ts': { imports: ['lit', 'panel.ts'] },
      'c.ts': { imports: ['lit', 'phone.ts'] },
      lit: { imports: ['lit-html'] },
      'lit-html': {},
      'panel.ts': {},
      'phone.ts': {},
    });
    expect([...runtimeModules(inputs, ['a.ts', 'b.ts', 'c.ts'])].sort()).toEqual(['lit', 'lit-html']);
  });

  it('also takes what an entry shares with code it loads lazily, so a page holds one copy of it', () => {
    const inputs = graph({
      'a.ts': { imports: ['lit', 'strings.ts'], lazy: ['form.ts'] },
      'b.ts': { imports: ['lit'] },
      'form.ts': { imports: ['strings.ts', 'form-only.ts'], lazy: ['deeper.ts'] },
      'deeper.ts': { imports: ['deep-shared.ts'] },
      'deep-shared.ts': {},
      'strings.ts': { imports: ['deep-shared.ts'] },
      'form-only.ts': {},
      lit: {},
    });
    expect([...runtimeModules(inputs, ['a.ts', 'b.ts'])].sort()).toEqual(['deep-shared.ts', 'lit', 'strings.ts']);
  });

  it('leaves out a module that loads code lazily, and what imports it', () => {
    const inputs = graph({
      'a.ts': { imports: ['mount.ts', 'lit'] },
      'b.ts': { imports: ['mount.ts', 'lit'] },
      'mount.ts': { imports: ['host.ts'] },
      'host.ts': { imports: ['lit'], lazy: ['modal.ts'] },
      'modal.ts': {},
      lit: {},
    });
    expect([...runtimeModules(inputs, ['a.ts', 'b.ts'])]).toEqual(['lit']);
  });

  it('refuses a module an entry shares with its lazy code when it imports lazily itself, naming it', () => {
    const inputs = graph({
      'a.ts': { imports: ['host.ts'], lazy: ['form.ts'] },
      'form.ts': { imports: ['host.ts'] },
      'host.ts': { lazy: ['modal.ts'] },
      'modal.ts': {},
    });
    expect(() => runtimeModules(inputs, ['a.ts'])).toThrow(/host\.ts is needed both by an entry and by code it loads lazily, and imports code lazily itself/);
  });
});
