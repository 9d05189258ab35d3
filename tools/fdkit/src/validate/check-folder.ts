import { isPacked } from '../pack/pack-files';
import { type PackBuild, buildPack, MAX_PACK_BYTES } from '../pack/build-pack';
import type { CheckContext } from './context';
import { formatBytes } from './files/app-folder';

/** Symlinks leading out of the folder are never followed: in packed folders they are errors, elsewhere warnings. */
export function checkFolderLinks(ctx: CheckContext): void {
  const { folder, sink } = ctx;
  for (const { path, target } of folder.escapingLinks) {
    const message = `${path} is a symlink to "${target}", outside the app folder (or to nothing); fdkit does not follow it. Copy the file into the app instead`;
    if (isPacked(path) || isPacked(`${path}/x`)) sink.error('symlink', path, '', message);
    else sink.warn('symlink', path, '', message);
  }
  for (const path of folder.linkedFolders) {
    sink.warn('symlink', path, '', `${path} is a symlinked folder; fdkit does not walk into it, so its files are neither checked nor packed`);
  }
  for (const path of folder.unreadable) sink.error('file-unreadable', path, '', `${path} could not be read (permissions?); fdkit could not check it and fdk could not pack it`);
  if (folder.truncated) sink.warn('folder-size', '.', '', 'the app folder holds more than 20,000 entries; fdkit checked only the first ones. Remove generated files or dependencies');
}

/** The packed zip must stay within the platform's 5 MB. */
export function checkPackSize(ctx: CheckContext, exclude?: string): PackBuild {
  const pack = buildPack(ctx.folder, exclude);
  if (!pack.ok) ctx.sink.error('pack-size', '.', '', pack.message);
  else if (pack.zip.length > MAX_PACK_BYTES) {
    ctx.sink.error('pack-size', '.', '', `the packed app is ${formatBytes(pack.zip.length)}; the platform accepts at most ${formatBytes(MAX_PACK_BYTES)}. Remove large assets or unused files from app/, src/, server/ and config/`);
  }
  return pack;
}
