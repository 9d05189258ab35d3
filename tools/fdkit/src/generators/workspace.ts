import { PRODUCTS, type ProductName } from '@callbridge/core';
import type { Tree } from '@nx/devkit';
import { workspaceConfigSchema } from '../assemble/config';

/** A generator option that cannot work, with what to do instead; Nx prints the message and writes nothing. */
export class GeneratorError extends Error {
  override name = 'GeneratorError';
}

/** Where the app's projects live: fdkit.json's `frontend` and `serverless` (what `fdkit assemble` reads), and the contracts. */
export interface AppLayout {
  frontend: string;
  serverless: string;
  contracts: string;
  products: readonly ProductName[];
}

/** The shared contracts library: what both apps import. */
const CONTRACTS = 'libs/contracts';

export function readAppLayout(tree: Tree): AppLayout {
  const text = tree.read('fdkit.json', 'utf-8');
  if (text === null) throw new GeneratorError('fdkit.json: not found at the workspace root; run the generator from the Callbridge workspace');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GeneratorError(`fdkit.json: not valid JSON (${(error as Error).message})`);
  }
  const parsed = workspaceConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GeneratorError(`fdkit.json: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { frontend: parsed.data.frontend, serverless: parsed.data.serverless, contracts: CONTRACTS, products: parsed.data.products };
}

/**
 * The products an entry is for: `--products a,b`, each among `allowed`; without the option, every allowed one.
 * `allowed` is what both the app and the platform accept (a placeholder or event some products lack).
 */
export function chooseProducts(option: string | undefined, allowed: readonly ProductName[], what: string): ProductName[] {
  if (allowed.length === 0) throw new GeneratorError(`${what}: none of the app's products (fdkit.json) has it`);
  if (option === undefined || option.trim() === '') return [...allowed];
  const chosen = [...new Set(option.split(',').map((p) => p.trim()).filter(Boolean))];
  for (const product of chosen) {
    if (!(PRODUCTS as readonly string[]).includes(product)) throw new GeneratorError(`--products: "${product}" is not a product; use ${PRODUCTS.join(' or ')}`);
    if (!allowed.includes(product as ProductName)) throw new GeneratorError(`--products: ${what} is not available in ${product}; choose among ${allowed.join(', ')}`);
  }
  // The app's own order, so the same choice always writes the same file.
  return allowed.filter((product) => chosen.includes(product));
}

/** The source files of a folder (specs aside), without their extension, sorted. */
export function modulesIn(tree: Tree, dir: string, extension = '.ts'): string[] {
  return tree
    .children(dir)
    .filter((name) => name.endsWith(extension) && !name.endsWith(`.spec${extension}`) && tree.isFile(`${dir}/${name}`))
    .map((name) => name.slice(0, -extension.length))
    .sort();
}

/** Every `key: 'value'` (or "value") in the given files, for names registered in TypeScript we do not run. */
export function quotedValues(tree: Tree, files: readonly string[], key: string): string[] {
  const pattern = new RegExp(`\\b${key}\\s*:\\s*['"]([^'"]+)['"]`, 'g');
  return files.flatMap((file) => [...(tree.read(file, 'utf-8') ?? '').matchAll(pattern)].map((match) => match[1]!));
}

/** Names a module exports through `export { a, b as c }` and `export const|function|class x` lines. */
export function exportedNames(tree: Tree, file: string): string[] {
  const text = tree.read(file, 'utf-8') ?? '';
  const listed = [...text.matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((match) =>
    match[1]!
      .split(',')
      .map((specifier) => specifier.trim().split(/\s+as\s+/).pop()!.trim())
      .filter((name) => name && !name.startsWith('type ')),
  );
  const declared = [...text.matchAll(/^export\s+(?:const|let|function|class|async function)\s+([A-Za-z_$][\w$]*)/gm)].map((match) => match[1]!);
  return [...listed, ...declared];
}

/** The `name`s given to `definer({ name: '...' })` in the TypeScript files under `roots` (build outputs aside). */
export function namesDefinedBy(tree: Tree, definer: string, roots: readonly string[]): string[] {
  const pattern = new RegExp(`${definer}\\(\\{\\s*name:\\s*['"]([^'"]+)['"]`, 'g');
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const child of tree.children(dir)) {
      if (child === 'node_modules' || child === 'dist' || child === 'coverage') continue;
      const path = `${dir}/${child}`;
      if (!tree.isFile(path)) visit(path);
      else if (child.endsWith('.ts')) found.push(...[...(tree.read(path, 'utf-8') ?? '').matchAll(pattern)].map((match) => match[1]!));
    }
  };
  roots.forEach(visit);
  return found;
}

/** Refuses to overwrite: generators only add files, so an existing one means the name is taken. */
export function refuseExisting(tree: Tree, files: readonly string[], hint: string): void {
  const taken = files.find((file) => tree.exists(file));
  if (taken) throw new GeneratorError(`${taken} already exists: ${hint}`);
}

/**
 * Adds one export line at the end of a library's index: the only shared line a generator writes, because a library
 * has one public face. A merge conflict there is two added lines; keep both.
 */
export function appendExport(tree: Tree, indexFile: string, line: string): void {
  const text = tree.read(indexFile, 'utf-8');
  if (text === null) throw new GeneratorError(`${indexFile}: not found; the library's public face must exist to export from it`);
  tree.write(indexFile, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
}

/** A TypeScript list of string literals: `'a', 'b'`. */
export function literalList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}
