import type { CheckContext } from '../context';
import type { ScriptRecord } from '../lint/lint-app';
import { checkEventName } from '../manifest/check-names';
import { allEvents, allFunctions, MANIFEST_FILE, type ManifestModel } from '../manifest/manifest-model';
import { formatJsonPath } from '../json-path';
import { knowledgeOf } from '../platform/products';
import { supports } from '../platform/versions';
import { nearestName } from './near-name';
import { type ExportedFunctions, readServerExports, SERVER_FILE } from './server-exports';

/** Event handlers and SMI functions must exist in server.js; on 2.2+ every SMI function must be declared. */
export function checkServer(model: ManifestModel, scripts: ReadonlyMap<string, ScriptRecord>, ctx: CheckContext): void {
  const events = allEvents(model);
  const functions = allFunctions(model);
  if (!ctx.folder.files.has(SERVER_FILE)) {
    const first = events[0] ?? functions[0];
    if (first) {
      const what = [events.length ? `${events.length} event handler(s)` : '', functions.length ? `${functions.length} function(s)` : ''].filter(Boolean).join(' and ');
      ctx.sink.error('server-missing', MANIFEST_FILE, formatJsonPath(first.path), `the manifest declares ${what}, but server/server.js does not exist; create it with exports = { ... }`);
    }
    return;
  }
  const exported = readServerExports(ctx, scripts.get(SERVER_FILE));
  const is20 = model.version.major === 2 && model.version.minor === 0;
  if (is20) checkRegistrations(model, exported, ctx);
  const names = exported.functions;
  if (!names) return;

  for (const { event, handler, path } of events) {
    if (handler === undefined || names.has(handler)) continue;
    ctx.sink.error('event-handler', MANIFEST_FILE, formatJsonPath([...path, 'handler']), `handler "${handler}" for ${event} is not exported by server/server.js${suggest(handler, names)}`);
  }
  for (const { name, path } of functions) {
    if (names.has(name)) continue;
    ctx.sink.error('smi-function', MANIFEST_FILE, formatJsonPath(path), `function "${name}" is declared but server/server.js does not export it${suggest(name, names)}`);
  }
  if (model.version.major === 3 || supports(model.version, 'functions')) checkUndeclared(model, names, ctx);
  checkFrontEndInvocations(model, names, scripts, ctx);
}

function checkRegistrations(model: ManifestModel, exported: ExportedFunctions, ctx: CheckContext): void {
  for (const { event, callback, location } of exported.registrations) {
    for (const section of model.sections) {
      const knowledge = knowledgeOf(section.name);
      if (knowledge) checkEventName(event, location, section.name, knowledge.label, knowledge.events, ctx.sink, SERVER_FILE);
    }
    if (exported.functions && !exported.functions.has(callback)) {
      ctx.sink.error('event-handler', SERVER_FILE, location, `callback "${callback}" registered for ${event} is not an exported function${suggest(callback, exported.functions)}`);
    }
  }
}

/** On 2.2+ the front end can invoke only declared functions, so an exported function nobody declared is dead. */
function checkUndeclared(model: ManifestModel, names: Set<string>, ctx: CheckContext): void {
  const handlers = new Set(allEvents(model).map((event) => event.handler));
  const declared = new Set(allFunctions(model).map((fn) => fn.name));
  const three = model.version.major === 3;
  const where = three ? 'modules.common.functions' : 'product.<name>.functions';
  for (const name of names) {
    if (handlers.has(name) || declared.has(name)) continue;
    const message = `exported function "${name}" is neither an event handler nor declared under ${where} in manifest.json; declare it to invoke it from the front end, or stop exporting it`;
    // 3.x apps also export action and job handlers, which fdkit does not read yet, so there it only warns.
    if (three) ctx.sink.warn('smi-function', SERVER_FILE, '', `${message} (unless it handles an action or a job)`);
    else ctx.sink.error('smi-function', SERVER_FILE, '', message);
  }
}

function checkFrontEndInvocations(model: ManifestModel, names: Set<string>, scripts: ReadonlyMap<string, ScriptRecord>, ctx: CheckContext): void {
  const needsDeclaration = model.version.major === 3 || supports(model.version, 'functions');
  const declared = new Set(allFunctions(model).map((fn) => fn.name));
  for (const [path, script] of scripts) {
    if (script.profile !== 'app') continue;
    for (const { name, line, column } of script.facts.invokedFunctions) {
      if (needsDeclaration ? declared.has(name) : names.has(name)) continue;
      const fix = needsDeclaration ? 'declare it under functions in manifest.json and export it from server.js' : 'export it from server/server.js';
      ctx.sink.error('smi-function', path, `${line}:${column}`, `client.request.invoke("${name}") calls a server method that does not exist; ${fix}`);
    }
  }
}

function suggest(name: string, candidates: Set<string>): string {
  const near = nearestName(name, candidates);
  if (near) return `; did you mean "${near}"?`;
  const list = [...candidates].slice(0, 8);
  return list.length ? ` (exported: ${list.join(', ')})` : '; server.js exports no functions';
}
