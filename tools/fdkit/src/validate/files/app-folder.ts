import { type Dirent, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** A file of the app folder: where it really is and how big it is. */
export interface AppFile {
  /** Absolute path to read; for a symlink inside the folder, its target. */
  absolute: string;
  size: number;
}

/** A symlink whose target lies outside the app folder (or nowhere); it is reported, never followed. */
export interface EscapingLink {
  path: string;
  target: string;
}

export interface AppFolder {
  /** The folder's real absolute path. */
  root: string;
  /** Every regular file, by posix path relative to the root, sorted. */
  files: ReadonlyMap<string, AppFile>;
  /** Folders found, by posix path relative to the root. */
  folders: ReadonlySet<string>;
  escapingLinks: readonly EscapingLink[];
  /** Symlinked folders inside the app folder, which are not walked into (they could loop). */
  linkedFolders: readonly string[];
  /** Folders and files that could not be read while walking (permissions, races). */
  unreadable: readonly string[];
  /** True when the walk stopped early at MAX_ENTRIES. */
  truncated: boolean;
}

export type OpenFolderResult = { ok: true; folder: AppFolder } | { ok: false; message: string };

/** Never walked into anywhere in the tree: dependencies and version control. */
const SKIPPED_ANYWHERE = new Set(['node_modules', '.git']);
/** Never walked into at the top: what fdk itself writes there (local store, packs, coverage, logs). */
const SKIPPED_AT_TOP = new Set(['.fdk', 'dist', 'coverage', 'log']);
const MAX_ENTRIES = 20_000;

/**
 * Walks an app folder once; every later check reads through this index, so nothing outside is ever read.
 * File access is synchronous on purpose: the checks are CPU-bound (parsing, lint), and for many small
 * files a synchronous read is far cheaper than a thread-pool round trip per file.
 */
export function openAppFolder(dir: string): OpenFolderResult {
  const resolved = resolveFolder(dir);
  if (!resolved.ok) return resolved;
  const { root } = resolved;
  const walk = new Walk(root);
  walk.folder('');
  if (walk.unreadable.includes('.')) return { ok: false, message: `cannot read the folder ${dir}` };
  return {
    ok: true,
    folder: {
      root,
      files: new Map([...walk.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      folders: walk.folders,
      escapingLinks: walk.escapingLinks,
      linkedFolders: walk.linkedFolders,
      unreadable: walk.unreadable,
      truncated: walk.entries >= MAX_ENTRIES,
    },
  };
}

/** The folder's real path, or why there is no folder there. */
export function resolveFolder(dir: string): { ok: true; root: string } | { ok: false; message: string } {
  try {
    const root = realpathSync(resolve(dir));
    return statSync(root).isDirectory() ? { ok: true, root } : { ok: false, message: `not a folder: ${dir}` };
  } catch {
    return { ok: false, message: `no such folder: ${dir}` };
  }
}

class Walk {
  readonly files = new Map<string, AppFile>();
  readonly folders = new Set<string>();
  readonly escapingLinks: EscapingLink[] = [];
  readonly linkedFolders: string[] = [];
  readonly unreadable: string[] = [];
  entries = 0;

  constructor(private readonly root: string) {}

  folder(rel: string): void {
    let entries;
    try {
      entries = readdirSync(rel === '' ? this.root : resolve(this.root, rel), { withFileTypes: true });
    } catch {
      this.unreadable.push(rel === '' ? '.' : rel);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++this.entries > MAX_ENTRIES) return;
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (SKIPPED_ANYWHERE.has(entry.name) || (rel === '' && SKIPPED_AT_TOP.has(entry.name))) continue;
      try {
        this.entry(entry, path);
      } catch {
        this.unreadable.push(path);
      }
    }
  }

  private entry(entry: Dirent, path: string): void {
    const absolute = resolve(this.root, path);
    if (entry.isSymbolicLink()) this.link(path, absolute);
    else if (entry.isDirectory()) {
      this.folders.add(path);
      this.folder(path);
    } else if (entry.isFile()) this.files.set(path, { absolute, size: lstatSync(absolute).size });
  }

  private link(path: string, absolute: string): void {
    const target = readlinkSync(absolute);
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      this.escapingLinks.push({ path, target });
      return;
    }
    if (!isInside(this.root, real)) {
      this.escapingLinks.push({ path, target });
      return;
    }
    const info = statSync(real);
    if (info.isDirectory()) this.linkedFolders.push(path);
    else if (info.isFile()) this.files.set(path, { absolute: real, size: info.size });
  }
}

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Resolves a path written in a manifest or page (relative to `base`) to a posix path in the app folder. */
export function resolveInApp(base: string, written: string): string | undefined {
  const cleaned = written.split(/[?#]/)[0] ?? '';
  const parts: string[] = base === '' ? [] : base.split('/');
  for (const part of cleaned.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

export function parentOf(path: string): string {
  const parent = dirname(path);
  return parent === '.' ? '' : parent;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: 'missing' | 'too-large' | 'binary' | 'unreadable'; message: string };

/** Reads a file of the folder as bytes, refusing files larger than `maxBytes`. */
export function readAppBytes(folder: AppFolder, path: string, maxBytes: number): ReadResult<Uint8Array> {
  const file = folder.files.get(path);
  if (!file) return { ok: false, problem: 'missing', message: `${path} does not exist` };
  if (file.size > maxBytes) {
    return { ok: false, problem: 'too-large', message: `${path} is ${formatBytes(file.size)}; fdkit reads at most ${formatBytes(maxBytes)} of such a file` };
  }
  try {
    const bytes = readFileSync(file.absolute);
    if (bytes.length > maxBytes) return { ok: false, problem: 'too-large', message: `${path} is larger than ${formatBytes(maxBytes)}` };
    return { ok: true, value: bytes };
  } catch (error) {
    return { ok: false, problem: 'unreadable', message: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a text file: UTF-8, no NUL bytes, at most `maxBytes`; a leading BOM is dropped. */
export function readAppText(folder: AppFolder, path: string, maxBytes: number): ReadResult<string> {
  const bytes = readAppBytes(folder, path, maxBytes);
  if (!bytes.ok) return bytes;
  if (bytes.value.subarray(0, 8192).includes(0)) return { ok: false, problem: 'binary', message: `${path} is binary, not text` };
  try {
    return { ok: true, value: utf8.decode(bytes.value) };
  } catch {
    return { ok: false, problem: 'binary', message: `${path} is not UTF-8 text` };
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

