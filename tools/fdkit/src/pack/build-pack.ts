import { formatBytes, readAppBytes, type AppFolder } from '../validate/files/app-folder';
import { packedPaths } from './pack-files';
import { zipDeterministic, type ZipEntry } from './zip';

/** The platform refuses packs above this size. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;
/** Uncompressed input beyond this is not zipped just to measure it. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type PackBuild = { ok: true; zip: Uint8Array; files: string[] } | { ok: false; message: string };

/** Builds the zip the platform would get, in memory. */
export function buildPack(folder: AppFolder, exclude?: string): PackBuild {
  const paths = packedPaths(folder, exclude);
  const total = paths.reduce((sum, path) => sum + (folder.files.get(path)?.size ?? 0), 0);
  if (total > MAX_INPUT_BYTES) {
    return { ok: false, message: `the packed files add up to ${formatBytes(total)} before compression; the platform accepts at most ${formatBytes(MAX_PACK_BYTES)} packed, so remove large files from app/, src/, server/ and config/` };
  }
  const entries: ZipEntry[] = [];
  for (const path of paths) {
    const read = readAppBytes(folder, path, MAX_INPUT_BYTES);
    if (!read.ok) return { ok: false, message: read.message };
    entries.push({ path, bytes: read.value });
  }
  return { ok: true, zip: zipDeterministic(entries), files: paths };
}
