import type { CheckContext } from '../context';
import { readAppText } from '../files/app-folder';
import { readJsonFile } from '../files/read-json';
import { analyzeScript } from '../lint/analyze-script';
import type { ScriptFacts } from '../lint/script-facts';
import { formatJsonPath } from '../json-path';
import { checkIparamFields, type IparamInfo } from './iparam-fields';
import { type FileFacts, readPageScripts } from './page-scripts';

export const IPARAMS_JSON = 'config/iparams.json';
export const IPARAMS_HTML = 'config/iparams.html';
const IPARAMS_SCRIPT = 'config/assets/iparams.js';
const MAX_PAGE_BYTES = 1024 * 1024;

/** What the installation page declares: typed fields for iparams.json, none knowable for iparams.html. */
export interface IparamsRead {
  kind: 'json' | 'html' | 'none';
  fields: IparamInfo[];
  /** Facts of the installation page's scripts (they may invoke request templates too). */
  scripts: FileFacts[];
}

/** config/ must hold exactly one of iparams.json and iparams.html, and it must be well formed. */
export function checkIparams(products: readonly string[], ctx: CheckContext): IparamsRead {
  const hasJson = ctx.folder.files.has(IPARAMS_JSON);
  const hasHtml = ctx.folder.files.has(IPARAMS_HTML);
  if (hasJson && hasHtml) {
    ctx.sink.error('iparams-files', 'config', '', `Unsupported File(s). Specify either ${IPARAMS_HTML} or ${IPARAMS_JSON}, not both; delete the one you do not use`);
    return { kind: 'none', fields: [], scripts: [] };
  }
  if (hasHtml) return { kind: 'html', fields: [], scripts: checkIparamsHtml(ctx) };
  if (!hasJson) {
    ctx.sink.error('iparams-files', 'config', '', 'iparams.json is mandatory: add config/iparams.json (an empty {} is enough) or a custom installation page config/iparams.html');
    return { kind: 'none', fields: [], scripts: [] };
  }
  const script = readIparamsScript(ctx);
  const read = readJsonFile(ctx.folder, IPARAMS_JSON, ctx.sink);
  if (read.status !== 'parsed') return { kind: 'json', fields: [], scripts: script ? [{ file: IPARAMS_SCRIPT, facts: script }] : [] };
  const fields = checkIparamFields(read.value, { sink: ctx.sink, file: IPARAMS_JSON, rule: 'iparams-schema', path: [], products });
  checkChangeCallbacks(fields, script, ctx);
  return { kind: 'json', fields, scripts: script ? [{ file: IPARAMS_SCRIPT, facts: script }] : [] };
}

/** config/assets/iparams.js, which the platform loads beside an iparams.json page, when it exists and parses. */
function readIparamsScript(ctx: CheckContext): ScriptFacts | undefined {
  const text = readAppText(ctx.folder, IPARAMS_SCRIPT, MAX_PAGE_BYTES);
  if (!text.ok) {
    if (text.problem !== 'missing') ctx.sink.error('file-unreadable', IPARAMS_SCRIPT, '', `${text.message}; it must be UTF-8 JavaScript`);
    return undefined;
  }
  const analysis = analyzeScript(text.value, IPARAMS_SCRIPT, { globals: 'page' });
  if (!analysis.syntaxError) return analysis.facts;
  const { line, column, message } = analysis.syntaxError;
  ctx.sink.error('js-syntax', IPARAMS_SCRIPT, `${line}:${column}`, `${message.replace(/^Parsing error: /, 'syntax error: ')}; the installation page cannot run it`);
  return undefined;
}

/** `events: [{"change": "fn"}]` names a function of config/assets/iparams.js, which the platform loads. */
function checkChangeCallbacks(fields: IparamInfo[], script: ScriptFacts | undefined, ctx: CheckContext): void {
  const exists = ctx.folder.files.has(IPARAMS_SCRIPT);
  // A script that does not parse is reported already; its functions cannot be known.
  if (exists && !script) return;
  for (const field of fields) {
    for (const { name, path } of field.changeCallbacks) {
      if (script?.globalFunctions.has(name)) continue;
      const where = exists ? `define function ${name}(value) in ${IPARAMS_SCRIPT}` : `create ${IPARAMS_SCRIPT} and define function ${name}(value) in it`;
      ctx.sink.error('iparams-schema', IPARAMS_JSON, formatJsonPath(path), `The ${name} function does not exist for the '${field.key}' field; ${where}`);
    }
  }
}

/** A custom installation page must define getConfigs and postConfigs (and usually validate) globally. */
function checkIparamsHtml(ctx: CheckContext): FileFacts[] {
  const text = readAppText(ctx.folder, IPARAMS_HTML, MAX_PAGE_BYTES);
  if (!text.ok) {
    ctx.sink.error('file-unreadable', IPARAMS_HTML, '', `${text.message}; the installation page must be UTF-8 HTML`);
    return [];
  }
  const scripts = readPageScripts(IPARAMS_HTML, text.value, ctx);
  const defined = new Set(scripts.flatMap(({ facts }) => [...facts.globalFunctions]));
  for (const name of ['getConfigs', 'postConfigs'] as const) {
    if (!defined.has(name)) {
      const role = name === 'getConfigs' ? 'fill the form from saved values on Edit Settings' : 'return the values to save when INSTALL is clicked';
      ctx.sink.error('iparams-html', IPARAMS_HTML, '', `iparams.html does not define a global function ${name}(); the platform calls it to ${role}`);
    }
  }
  if (!defined.has('validate')) {
    ctx.sink.warn('iparams-html', IPARAMS_HTML, '', 'iparams.html does not define validate(); without it the platform installs whatever was typed (return false to stop an install)');
  }
  if (!/\{\{\{\s*appclient\s*\}\}\}|fresh_client\.js/.test(text.value)) {
    ctx.sink.warn('template-client', IPARAMS_HTML, '', 'iparams.html does not load the platform client; add <script src="{{{appclient}}}"></script>');
  }
  return scripts;
}
