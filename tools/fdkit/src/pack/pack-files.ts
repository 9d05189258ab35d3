import type { AppFolder } from '../validate/files/app-folder';

/** What `fdk pack` puts in the zip (PLATFORM-FACTS §1, The CLI): these folders and these root files. */
export const PACKED_FOLDERS = ['app', 'src', 'server', 'config'] as const;
export const PACKED_FILES = ['manifest.json', 'README.md', '.report.json'] as const;
/** Never packed, at any depth: dependencies and fdk's own working files. */
const NEVER_PACKED = new Set(['node_modules', '.fdk', 'dist', 'coverage', 'log']);

/** True when a path of the app folder (posix, relative) goes into the pack. */
export function isPacked(path: string): boolean {
  if ((PACKED_FILES as readonly string[]).includes(path)) return true;
  const segments = path.split('/');
  const top = segments[0] ?? '';
  if (segments.length < 2 || !(PACKED_FOLDERS as readonly string[]).includes(top)) return false;
  return !segments.slice(1, -1).some((segment) => NEVER_PACKED.has(segment));
}

/** The packed files of a folder, sorted, leaving out `exclude` (the zip being written, when it lies inside). */
export function packedPaths(folder: AppFolder, exclude?: string): string[] {
  return [...folder.files.keys()].filter((path) => isPacked(path) && path !== exclude).sort();
}
