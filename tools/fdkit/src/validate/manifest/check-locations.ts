import type { CheckContext } from '../context';
import { readAppText, resolveInApp } from '../files/app-folder';
import { formatJsonPath } from '../json-path';
import { MANIFEST_FILE, type ManifestModel } from './manifest-model';

const MAX_PAGE_BYTES = 1024 * 1024;
const MAX_ICON_BYTES = 256 * 1024;
/** The two ways a page loads the platform's client (PLATFORM-FACTS §1, Placeholders). */
const CLIENT_SCRIPT = /\{\{\{\s*appclient\s*\}\}\}|fresh_client\.js/;

/** Every location's `url` and `icon` must be files under app/; icons must be SVG; pages should load the client. */
export function checkLocations(model: ManifestModel, ctx: CheckContext): void {
  const pagesChecked = new Set<string>();
  for (const section of model.sections) {
    for (const location of section.locations) {
      const at = (key: string): string => formatJsonPath([...location.path, key]);
      if (location.url !== undefined) {
        const page = fileInApp(location.url, 'url', at('url'), ctx);
        if (page && !pagesChecked.has(page)) {
          pagesChecked.add(page);
          checkPage(page, ctx);
        }
      }
      if (location.icon !== undefined) {
        const icon = fileInApp(location.icon, 'icon', at('icon'), ctx);
        if (icon) checkIcon(icon, at('icon'), ctx);
      }
    }
  }
}

function fileInApp(written: string, key: 'url' | 'icon', location: string, ctx: CheckContext): string | undefined {
  const rule = key === 'url' ? 'location-url' : 'location-icon';
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//')) {
    ctx.sink.error(rule, MANIFEST_FILE, location, `${key} "${written}" must be a path relative to app/, such as "${key === 'url' ? 'index.html' : 'icon.svg'}", not a URL`);
    return undefined;
  }
  const path = resolveInApp('app', written);
  if (path === undefined || !path.startsWith('app/')) {
    ctx.sink.error(rule, MANIFEST_FILE, location, `${key} "${written}" points outside app/; ${key} paths are relative to app/`);
    return undefined;
  }
  if (!ctx.folder.files.has(path)) {
    const what = key === 'url' ? 'page' : 'icon';
    ctx.sink.error(rule, MANIFEST_FILE, location, `${what} ${path} does not exist; create it or fix the path (${key} is relative to app/)`);
    return undefined;
  }
  return path;
}

function checkIcon(path: string, location: string, ctx: CheckContext): void {
  if (!path.toLowerCase().endsWith('.svg')) {
    ctx.sink.error('location-icon', MANIFEST_FILE, location, `icon ${path} must be an SVG file (.svg); the platform shows only SVG icons`);
    return;
  }
  const text = readAppText(ctx.folder, path, MAX_ICON_BYTES);
  if (!text.ok) {
    ctx.sink.error('location-icon', path, '', `${text.message}; an icon must be a small SVG text file`);
    return;
  }
  if (!/<svg[\s>]/i.test(text.value)) ctx.sink.error('location-icon', path, '', `${path} is named .svg but holds no <svg> element; save the icon as SVG`);
}

function checkPage(path: string, ctx: CheckContext): void {
  if (!/\.html?$/i.test(path)) {
    ctx.sink.warn('location-url', path, '', `${path} is not an .html page; the platform renders a location's url as HTML in an iframe`);
    return;
  }
  const text = readAppText(ctx.folder, path, MAX_PAGE_BYTES);
  if (!text.ok) {
    ctx.sink.error('file-unreadable', path, '', `${text.message}; a page must be UTF-8 HTML`);
    return;
  }
  if (!CLIENT_SCRIPT.test(text.value)) {
    ctx.sink.warn('template-client', path, '', `${path} does not load the platform client; add <script src="{{{appclient}}}"></script> so app.initialized() works`);
  }
}

