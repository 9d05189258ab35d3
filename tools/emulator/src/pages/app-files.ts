import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { json } from '../http/router';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const inside = (root: string, file: string) => {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * Serves one file below `root`. `..` segments and symlinks that lead out of the folder answer 403, missing files and
 * folders 404; HTML passes through `rewriteHtml`.
 */
export async function serveFile(root: string, path: string, rewriteHtml: (html: string) => string = (html) => html): Promise<Response> {
  const segments = path.split(/[/\\]/);
  if (path.includes('\0') || segments.includes('..') || isAbsolute(path)) return json({ message: `${path}: paths may not leave the app folder` }, 403);
  const file = resolve(root, path);
  if (!inside(root, file)) return json({ message: `${path}: paths may not leave the app folder` }, 403);
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
  } catch {
    return json({ message: `${path}: no such file in ${root}` }, 404);
  }
  if (!inside(realRoot, real)) return json({ message: `${path}: links out of the app folder are not served` }, 403);
  if (!(await stat(real)).isFile()) return json({ message: `${path}: not a file` }, 404);
  const type = contentType(real);
  const headers = { 'content-type': type, 'cache-control': 'no-store' };
  if (type.startsWith('text/html')) return new Response(rewriteHtml(await readFile(real, 'utf8')), { headers });
  return new Response(await readFile(real), { headers });
}
