import { zipSync, type Zippable } from 'fflate';

/** Every entry gets this time (the DOS epoch, in local time so no time zone shifts it) and these permissions. */
export const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;
const REGULAR_FILE_RW_R_R = (0o100644 << 16) >>> 0;

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

/** Zips entries so the same input always gives the same bytes: sorted paths, fixed time, fixed permissions. */
export function zipDeterministic(entries: readonly ZipEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: Zippable = {};
  for (const { path, bytes } of sorted) files[path] = [bytes, { level: 6, mtime: FIXED_MTIME, os: UNIX, attrs: REGULAR_FILE_RW_R_R }];
  return zipSync(files);
}
