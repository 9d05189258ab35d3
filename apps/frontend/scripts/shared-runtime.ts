import type { OutputFile, Plugin, PluginBuild } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

/*
 * The shared runtime is one file every entry imports; its modules (runtime-modules.ts) are bundled into it once and
 * replaced, in each entry's own build, by small proxy modules that import what is needed from it. Which names each
 * module imports is found first by a build whose proxies are pure markers (esbuild keeps only the used ones), so the
 * runtime holds only what some placeholder uses. In an entry's build its own modules share one proxy (one import
 * statement); each module of its lazy chunks gets its own, as a proxy shared with the entry would make esbuild put
 * the imports in a chunk of their own.
 */

/** Importer -> runtime module -> the names it imports ('' when it imports the module for its side effects). */
export type RuntimeUses = Map<string, Map<string, Set<string>>>;

const PROXY = 'cb-runtime-proxy';
const COPY = 'cb-runtime-copy:';
const COPY_NAMESPACE = 'cb-runtime-copy';
const MARK = '@cb-use';
const SEPARATOR = '|';

interface ProxyTarget {
  module: string;
  importer: string;
  sideEffects: boolean;
}

/** Resolves every import as esbuild would and turns one of a runtime module into a proxy: `proxy` names it. */
function proxyRuntimeImports(build: PluginBuild, runtime: ReadonlySet<string>, name: string, proxy: (target: ProxyTarget) => string = ({ module, importer }) => `${module}${SEPARATOR}${importer}`): void {
  build.onResolve({ filter: /.*/ }, async (args) => {
    if (args.pluginData === name || args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
    const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: name });
    if (resolved.errors.length || resolved.external || !runtime.has(resolved.path)) return undefined;
    if (args.kind === 'dynamic-import') throw new Error(`shared runtime: ${args.importer} imports ${resolved.path} lazily, but it is in the runtime every entry loads`);
    const target: ProxyTarget = { module: resolved.path, importer: args.importer, sideEffects: resolved.sideEffects };
    return { path: proxy(target), namespace: PROXY, pluginData: target, sideEffects: resolved.sideEffects };
  });
}

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/**
 * Discovery: every runtime module becomes, for each importer, a module of pure markers, one per export of the real
 * module (`exportsOf`); the markers left in the output say what each importer really uses.
 */
export function discoverRuntimeUses(runtime: ReadonlySet<string>, exportsOf: ReadonlyMap<string, readonly string[]>): Plugin {
  const name = 'callbridge-discover-runtime';
  return {
    name,
    setup(build) {
      proxyRuntimeImports(build, runtime, name);
      build.onResolve({ filter: /^cb-mark$/, namespace: PROXY }, () => ({ path: 'cb-mark', external: true }));
      build.onLoad({ filter: /.*/, namespace: PROXY }, ({ pluginData }) => {
        const { module, importer, sideEffects } = pluginData as ProxyTarget;
        const mark = (exported: string) => JSON.stringify([MARK, importer, module, exported, ''].join(SEPARATOR));
        const lines = ['import { mark } from "cb-mark";'];
        (exportsOf.get(module) ?? []).forEach((exported, index) => {
          lines.push(`const m${index} = /* @__PURE__ */ mark(${mark(exported)});`, `export { m${index} as ${isIdentifier(exported) ? exported : JSON.stringify(exported)} };`);
        });
        // Kept only when the real module's side effects would be: it is imported for them.
        if (sideEffects) lines.push(`mark(${mark('')});`);
        return { contents: lines.join('\n'), loader: 'js' };
      });
    },
  };
}

/** The markers a discovery build left: importer -> runtime module -> names ('' for its side effects). */
export function readRuntimeUses(outputs: readonly OutputFile[]): RuntimeUses {
  const uses: RuntimeUses = new Map();
  const pattern = new RegExp(`${MARK}\\${SEPARATOR}([^|"'\`]*)\\${SEPARATOR}([^|"'\`]*)\\${SEPARATOR}([^|"'\`]*)\\${SEPARATOR}`, 'g');
  for (const output of outputs) {
    for (const [, importer = '', module = '', exported = ''] of output.text.matchAll(pattern)) {
      const byModule = uses.get(importer) ?? new Map<string, Set<string>>();
      const names = byModule.get(module) ?? new Set<string>();
      names.add(exported);
      byModule.set(module, names);
      uses.set(importer, byModule);
    }
  }
  return uses;
}

/** Short export names, `a` … `Z`, `aa` …. */
function alias(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  for (let n = index; n >= 0; n = Math.floor(n / letters.length) - 1) name = letters[n % letters.length] + name;
  return name;
}

export interface RuntimeSource {
  /** The runtime entry's source: every used name of every runtime module, re-exported under a short alias. */
  source: string;
  /** Runtime module -> name -> the runtime's export. */
  aliases: Map<string, Map<string, string>>;
}

/**
 * Runtime modules whose exports a lazy chunk may carry a copy of: ones that keep no state (valibot's functions only
 * build schemas) and import nothing. The runtime then holds only what the entries use of them up front.
 */
export interface Copyable {
  modules: ReadonlySet<string>;
  /** Every module some entry reaches by static imports. */
  upFront: ReadonlySet<string>;
}

/** The runtime entry, in an order that does not depend on where the workspace is checked out. */
export function runtimeSource(uses: RuntimeUses, root: string, copyable: Copyable = { modules: new Set(), upFront: new Set() }): RuntimeSource {
  const byModule = new Map<string, Set<string>>();
  for (const [importer, modules] of uses) {
    for (const [module, names] of modules) {
      const wanted = copyable.modules.has(module) && !copyable.upFront.has(importer) ? [] : names;
      byModule.set(module, new Set([...(byModule.get(module) ?? []), ...wanted]));
    }
  }
  const lines: string[] = [];
  const aliases = new Map<string, Map<string, string>>();
  let next = 0;
  for (const [module, names] of [...byModule].sort(([a], [b]) => relative(root, a).localeCompare(relative(root, b)))) {
    const named = [...names].filter(Boolean).sort();
    const map = new Map(named.map((exported) => [exported, alias(next++)]));
    aliases.set(module, map);
    const specifiers = named.map((exported) => `${isIdentifier(exported) ? exported : JSON.stringify(exported)} as ${map.get(exported)}`);
    lines.push(specifiers.length ? `export { ${specifiers.join(', ')} } from ${JSON.stringify(module)};` : `import ${JSON.stringify(module)};`);
  }
  return { source: `${lines.join('\n')}\n`, aliases };
}

/** Serves the generated runtime source as the entry point `cb-runtime-entry`. */
export function runtimeEntry(source: string, resolveDir: string): Plugin {
  return {
    name: 'callbridge-runtime-entry',
    setup(build) {
      build.onResolve({ filter: /^cb-runtime-entry$/ }, () => ({ path: 'runtime', namespace: 'cb-runtime-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'cb-runtime-entry' }, () => ({ contents: source, loader: 'js', resolveDir }));
    },
  };
}

/**
 * An entry's own build. The entry's own modules (`entryModules`, all in the entry's file) share one proxy, so the
 * entry imports the runtime in one statement; a module it imports that shares an export name with another goes
 * through a proxy of its own. Modules of lazy chunks get a proxy each: one shared with the entry would make esbuild
 * put the imports in a chunk of their own.
 */
export function useRuntime(runtime: ReadonlySet<string>, uses: RuntimeUses, { aliases }: RuntimeSource, runtimeFile: string, entryModules: ReadonlySet<string>): Plugin {
  const name = 'callbridge-use-runtime';
  const from = JSON.stringify(`./${runtimeFile}`);
  const namesUsed = (importers: Iterable<string>, module: string) => new Set([...importers].flatMap((importer) => [...(uses.get(importer)?.get(module) ?? [])].filter(Boolean)));
  // Runtime module -> the names the entry's own modules import from it.
  const entryUses = new Map<string, Set<string>>();
  for (const importer of entryModules) for (const module of uses.get(importer)?.keys() ?? []) entryUses.set(module, namesUsed(entryModules, module));
  const owners = new Map<string, Set<string>>();
  for (const [module, names] of entryUses) for (const exported of names) owners.set(exported, new Set([...(owners.get(exported) ?? []), module]));
  const clashes = (module: string) => [...entryUses.get(module)!].some((exported) => owners.get(exported)!.size > 1);
  const ENTRY = 'entry';
  const proxyOf = ({ module, importer }: ProxyTarget) => (!entryModules.has(importer) ? `${module}${SEPARATOR}${importer}` : entryUses.has(module) && clashes(module) ? `${module}${SEPARATOR}${ENTRY}` : ENTRY);
  const quoted = (exported: string) => (isIdentifier(exported) ? exported : JSON.stringify(exported));
  const reexport = (entries: [string, string][]) => {
    const sorted = entries.sort(([a], [b]) => a.localeCompare(b));
    const shared = sorted.filter(([module, exported]) => aliases.get(module)?.has(exported));
    const specifiers = shared.map(([module, exported]) => `${aliases.get(module)!.get(exported)} as ${quoted(exported)}`);
    const lines = [specifiers.length ? `export { ${specifiers.join(', ')} } from ${from};` : `import ${from};`];
    // What the runtime leaves out of a copyable module (only lazy chunks use it) comes from their own copy.
    const copies = new Map<string, string[]>();
    for (const [module, exported] of sorted) if (!aliases.get(module)?.has(exported)) copies.set(module, [...(copies.get(module) ?? []), quoted(exported)]);
    for (const [module, names] of copies) lines.push(`export { ${names.join(', ')} } from ${JSON.stringify(`${COPY}${module}`)};`);
    return lines.join('\n');
  };
  return {
    name,
    setup(build) {
      proxyRuntimeImports(build, runtime, name, proxyOf);
      build.onResolve({ filter: new RegExp(`^${COPY}`), namespace: PROXY }, ({ path }) => ({ path: path.slice(COPY.length), namespace: COPY_NAMESPACE }));
      build.onResolve({ filter: /.*/, namespace: PROXY }, ({ path }) => ({ path, external: true }));
      build.onLoad({ filter: /.*/, namespace: COPY_NAMESPACE }, async ({ path }) => ({ contents: await readFile(path, 'utf8'), loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: PROXY }, ({ path, pluginData }) => {
        const { module, importer } = pluginData as ProxyTarget;
        if (path === ENTRY) {
          return { contents: reexport([...entryUses].filter(([used]) => !clashes(used)).flatMap(([used, names]) => [...names].map((exported): [string, string] => [used, exported]))), loader: 'js' };
        }
        const importers = path.endsWith(`${SEPARATOR}${ENTRY}`) ? entryModules : [importer];
        return { contents: reexport([...namesUsed(importers, module)].map((exported): [string, string] => [module, exported])), loader: 'js' };
      });
    },
  };
}
