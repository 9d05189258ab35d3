import { realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { formatBytes } from '../validate/files/app-folder';
import type { ValidationReport } from '../validate/finding';
import { exitCodeOf, runValidation } from '../validate/validate-app';
import { MAX_PACK_BYTES } from './build-pack';

export interface PackOptions {
  /** Where to write the zip; `<appDir>/dist/<folder>.zip` by default, as fdk pack does. */
  out?: string;
}

export type PackResult =
  | { ok: true; path: string; bytes: number; files: number; report: ValidationReport }
  | { ok: false; reason: 'not-an-app' | 'invalid' | 'too-large' | 'write-failed'; message: string; report: ValidationReport };

/** Validates the app and, when it has no errors, writes the platform's zip of it. */
export async function packApp(dir: string, options: PackOptions = {}): Promise<PackResult> {
  const root = realRoot(dir);
  const out = resolve(options.out ?? join(root, 'dist', `${basename(root)}.zip`));
  const { report, pack } = runValidation(dir, {}, insidePath(root, out));
  const code = exitCodeOf(report);
  if (code === 2 || !pack) return { ok: false, reason: 'not-an-app', message: report.errors[0]?.message ?? `cannot pack ${dir}`, report };
  if (!pack.ok || pack.zip.length > MAX_PACK_BYTES) {
    const size = pack.ok ? `the pack would be ${formatBytes(pack.zip.length)}` : pack.message;
    return { ok: false, reason: 'too-large', message: `not packed: ${size}; the platform accepts at most ${formatBytes(MAX_PACK_BYTES)}`, report };
  }
  if (code === 1) {
    const count = report.errors.length;
    return { ok: false, reason: 'invalid', message: `not packed: validation found ${count} error${count === 1 ? '' : 's'}; fix ${count === 1 ? 'it' : 'them'} and pack again`, report };
  }
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, pack.zip);
  } catch (error) {
    return { ok: false, reason: 'write-failed', message: `cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`, report };
  }
  return { ok: true, path: out, bytes: pack.zip.length, files: pack.files.length, report };
}

function realRoot(dir: string): string {
  try {
    return realpathSync(resolve(dir));
  } catch {
    return resolve(dir);
  }
}

/** The output's posix path inside the app folder, when it lies there (so it is not packed into itself). */
function insidePath(root: string, out: string): string | undefined {
  const rel = relative(root, out);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
