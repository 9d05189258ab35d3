import type { Metafile } from 'esbuild';

type Inputs = Metafile['inputs'];

const STATIC_KINDS = new Set(['import-statement', 'require-call']);

/** `start` and every module it imports statically, however deep. */
export function staticClosure(inputs: Inputs, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of inputs[file]?.imports ?? []) if (STATIC_KINDS.has(edge.kind) && !edge.external) stack.push(edge.path);
  }
  return seen;
}

function lazyTargets(inputs: Inputs, files: Iterable<string>): string[] {
  return [...files].flatMap((file) => (inputs[file]?.imports ?? []).filter((edge) => edge.kind === 'dynamic-import' && !edge.external).map((edge) => edge.path));
}

/** Every module `closure` may load later through dynamic imports, however deep. */
function lazyClosure(inputs: Inputs, closure: Set<string>): Set<string> {
  const lazy = new Set<string>();
  const pending = lazyTargets(inputs, closure);
  while (pending.length) {
    const root = pending.pop()!;
    if (lazy.has(root)) continue;
    const reached = staticClosure(inputs, root);
    for (const file of reached) lazy.add(file);
    pending.push(...lazyTargets(inputs, reached));
  }
  return lazy;
}

/**
 * The modules of the shared runtime, from the module graph of `entries` (paths as esbuild's metafile names them):
 * - those every entry reaches by static imports, so no placeholder loads code only others need;
 * - those an entry shares with its own lazy chunks, so a page holds one copy of their state (a catalogue, a hub);
 * - but none that imports code lazily, however indirectly (the core's host loads modal and messaging code on first
 *   use): its lazy chunks would import the runtime, and the runtime would name them, a cycle of hashed file names.
 * What is left is closed under imports: the runtime bundles its modules' dependencies and nothing else.
 */
export function runtimeModules(inputs: Inputs, entries: readonly string[]): Set<string> {
  const closures = entries.map((entry) => staticClosure(inputs, entry));
  const candidates = new Set<string>();
  const [first, ...rest] = closures;
  for (const file of first ?? []) if (rest.every((closure) => closure.has(file))) candidates.add(file);
  for (const closure of closures) {
    const lazy = lazyClosure(inputs, closure);
    for (const file of closure) if (lazy.has(file)) candidates.add(file);
  }
  for (const entry of entries) candidates.delete(entry);
  const runtime = new Set([...candidates].filter((file) => lazyTargets(inputs, staticClosure(inputs, file)).length === 0));
  // Code an entry shares with its lazy chunks that cannot be in the runtime would be a second file every page loads.
  const stuck = closures.flatMap((closure) => {
    const lazy = lazyClosure(inputs, closure);
    return [...closure].filter((file) => lazy.has(file) && !runtime.has(file));
  });
  if (stuck.length) {
    throw new Error(
      `shared runtime: ${[...new Set(stuck)].sort().join(', ')} is needed both by an entry and by code it loads lazily, ` +
        'and imports code lazily itself, so it cannot be in the runtime; move that dynamic import to the entry',
    );
  }
  return runtime;
}
