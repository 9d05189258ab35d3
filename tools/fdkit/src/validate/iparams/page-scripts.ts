import type { CheckContext } from '../context';
import { parentOf, readAppText, resolveInApp } from '../files/app-folder';
import { analyzeScript } from '../lint/analyze-script';
import type { ScriptFacts } from '../lint/script-facts';

const MAX_SCRIPT_BYTES = 2 * 1024 * 1024;
const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const JS_TYPES = /^(text\/javascript|application\/javascript|module)$/i;

/** A script's facts and the file to point at when reporting what it does. */
export interface FileFacts {
  file: string;
  facts: ScriptFacts;
}

/** Gathers facts from a page's inline scripts and the local scripts it loads; syntax errors are reported. */
export function readPageScripts(page: string, html: string, ctx: CheckContext): FileFacts[] {
  const scripts: FileFacts[] = [];
  for (const match of html.matchAll(SCRIPT_TAG)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (type !== undefined && !JS_TYPES.test(type)) continue;
    const src = /\bsrc\s*=\s*["']([^"']*)["']/i.exec(attributes)?.[1];
    if (src === undefined) {
      const firstLine = lineOf(html, (match.index ?? 0) + match[0].indexOf('>') + 1);
      scripts.push({ file: page, facts: inlineFacts(page, body, firstLine, ctx) });
      continue;
    }
    if (/^([a-z][a-z0-9+.-]*:|\/\/|\{\{)/i.test(src)) continue;
    const path = resolveInApp(parentOf(page), src);
    if (path === undefined || !ctx.folder.files.has(path)) {
      ctx.sink.error('page-script', page, '', `${page} loads script "${src}", which does not exist${path ? ` (looked for ${path})` : ''}`);
      continue;
    }
    const text = readAppText(ctx.folder, path, MAX_SCRIPT_BYTES);
    if (!text.ok) continue;
    const analysis = analyzeScript(text.value, path, { globals: 'page' });
    if (analysis.syntaxError) {
      const { line, column, message } = analysis.syntaxError;
      ctx.sink.error('js-syntax', path, `${line}:${column}`, `${message.replace(/^Parsing error: /, 'syntax error: ')}; ${page} cannot run it`);
    }
    scripts.push({ file: path, facts: analysis.facts });
  }
  return scripts;
}

function inlineFacts(page: string, body: string, firstLine: number, ctx: CheckContext): ScriptFacts {
  const analysis = analyzeScript(body, `${page}.inline.js`, { globals: 'page' });
  if (analysis.syntaxError) {
    const { line, column, message } = analysis.syntaxError;
    ctx.sink.error('js-syntax', page, `${firstLine + line - 1}:${column}`, `${message.replace(/^Parsing error: /, 'syntax error: ')} in an inline script`);
  }
  return analysis.facts;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
