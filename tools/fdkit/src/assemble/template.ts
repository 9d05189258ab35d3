import type { PlatformVersion } from '@callbridge/core';

/** Where each platform version expects a template to load the client from. */
export function clientScriptSrc(platformVersion: PlatformVersion): string {
  return platformVersion === '2.3' ? '{{{appclient}}}' : 'https://static.freshdev.io/fdk/2.0/assets/fresh_client.js';
}

export interface TemplateOptions {
  title: string;
  platformVersion: PlatformVersion;
  /** The entry's bundle first, then every chunk it imports, relative to app/. */
  loads: readonly string[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One placeholder or modal template: the platform's client first (classic script, so `app` exists before our module
 * runs), chunks preloaded in parallel, then the entry as an ES module.
 */
export function renderTemplate({ title, platformVersion, loads }: TemplateOptions): string {
  const [entry, ...chunks] = loads;
  if (!entry) throw new Error(`template "${title}": the entry loads nothing`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<script src="${clientScriptSrc(platformVersion)}"></script>`,
    ...chunks.map((chunk) => `<link rel="modulepreload" href="${escapeHtml(chunk)}">`),
    `<script type="module" src="${escapeHtml(entry)}"></script>`,
    '</head>',
    '<body></body>',
    '</html>',
    '',
  ].join('\n');
}
