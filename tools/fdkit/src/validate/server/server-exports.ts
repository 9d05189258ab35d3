import type { CheckContext } from '../context';
import { readAppText } from '../files/app-folder';
import type { ScriptRecord } from '../lint/lint-app';
import { loadServer } from './load-server';

export const SERVER_FILE = 'server/server.js';
const MAX_SERVER_BYTES = 5 * 1024 * 1024;

/** What server.js exports, as far as it can be known, and the 2.0 event registrations it holds. */
export interface ExportedFunctions {
  /** Names of exported functions; undefined when neither loading nor reading the source could tell. */
  functions: Set<string> | undefined;
  registrations: { event: string; callback: string; location: string }[];
}

/**
 * Finds server.js's exported functions: statically from the source, then confirmed by loading the file in a
 * sandbox. When loading works it decides; when it fails the static reading stands in, if it is complete.
 */
export function readServerExports(ctx: CheckContext, script: ScriptRecord | undefined): ExportedFunctions {
  const text = readAppText(ctx.folder, SERVER_FILE, MAX_SERVER_BYTES);
  if (!text.ok) return { functions: undefined, registrations: [] };
  const facts = script?.facts;
  const staticRegistrations = (facts?.eventRegistrations ?? []).map((r) => ({ ...r, location: `${r.line}:${r.column}` }));
  const load = loadServer(text.value, SERVER_FILE, ctx.options.serverLoadTimeoutMs);
  if (load.ok) {
    let keys = load.exports.keys;
    if (!hasFunction(keys) && hasFunction(load.exports.moduleKeys)) {
      ctx.sink.warn('server-exports', SERVER_FILE, '', 'server.js sets module.exports, but the platform reads the global exports object; write exports = { ... } (or add exports = module.exports; at the end)');
      keys = load.exports.moduleKeys;
    }
    const functions = new Set([...keys].filter(([, type]) => type === 'function').map(([name]) => name));
    const registrations = load.exports.registrations?.map((r) => ({
      ...r,
      location: staticRegistrations.find((s) => s.event === r.event)?.location ?? '',
    }));
    return { functions, registrations: registrations ?? [] };
  }
  // A syntax error is already reported by the lint pass, with its line.
  if (load.reason !== 'syntax' || script?.parsed) {
    ctx.sink.error('server-load', SERVER_FILE, '', `server.js could not be loaded as the platform loads it: ${load.message}; the platform would fail to run any handler`);
  }
  if (!facts || facts.exportsDynamic || facts.exportedKeys.length === 0) return { functions: undefined, registrations: staticRegistrations };
  return { functions: new Set(facts.exportedKeys.map((key) => key.name).filter((name) => name !== 'events')), registrations: staticRegistrations };
}

function hasFunction(keys: Map<string, string>): boolean {
  return [...keys.values()].includes('function');
}
