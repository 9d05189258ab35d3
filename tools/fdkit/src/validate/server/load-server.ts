import { createContext, Script } from 'node:vm';
import { ContentMemo } from '../memo';

export interface ServerExports {
  /** Every enumerable key of the `exports` object the platform reads, with its typeof. */
  keys: Map<string, string>;
  /** Keys of `module.exports` when server.js set that object instead of `exports`. */
  moduleKeys: Map<string, string>;
  /** 2.0 registrations read from `exports.events`, when it is an array. */
  registrations: { event: string; callback: string }[] | undefined;
}

export type ServerLoad = { ok: true; exports: ServerExports } | { ok: false; reason: 'syntax' | 'timeout' | 'threw'; message: string };

/**
 * The platform's globals, defined inside the sandbox's own realm so no host object (and no host Function
 * constructor) is reachable from the app's code. Platform calls return an inert value that absorbs any use.
 */
const PRELUDE = `(function (g) {
  var inert = new Proxy(function () {}, {
    get: function (target, key) { return key === Symbol.toPrimitive ? function () { return ''; } : inert; },
    apply: function () { return inert; },
    construct: function () { return inert; }
  });
  var quiet = function () {};
  g.renderData = quiet;
  g.generateTargetUrl = function () { return inert; };
  g.$db = inert; g.$schedule = inert; g.$request = inert; g.$job = inert;
  g.require = function () { return inert; };
  g.console = { log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet, trace: quiet };
  g.process = { env: {} };
  g.module = { exports: {} };
  g.exports = g.module.exports;
})(globalThis);`;

/** Reads what server.js exported, inside the sandbox (getters run there too, under the same timeout). */
const SUMMARY = `(function () {
  function describe(object) {
    var out = [];
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) return out;
    for (var key in object) out.push([key, typeof object[key]]);
    return out;
  }
  var e = globalThis.exports;
  var m = globalThis.module && globalThis.module.exports;
  var events = null;
  if (e && Array.isArray(e.events)) {
    events = e.events.map(function (r) {
      return r && typeof r === 'object' ? [String(r.event), String(r.callback)] : ['', ''];
    });
  }
  return JSON.stringify({ keys: describe(e), moduleKeys: m === e ? [] : describe(m), events: events });
})()`;

interface Summary {
  keys: [string, string][];
  moduleKeys: [string, string][];
  events: [string, string][] | null;
}

const memo = new ContentMemo<ServerLoad>(32 * 1024 * 1024);

/**
 * Loads server.js the way the platform does, in a vm context with stub globals, bounded by `timeoutMs`.
 * The outcome is remembered by content (loading has no effect outside the sandbox).
 */
export function loadServer(source: string, filename: string, timeoutMs: number): ServerLoad {
  return memo.get(JSON.stringify([filename, timeoutMs, source]), source.length, () => load(source, filename, timeoutMs));
}

function load(source: string, filename: string, timeoutMs: number): ServerLoad {
  let script: Script;
  try {
    script = new Script(source, { filename });
  } catch (error) {
    return { ok: false, reason: 'syntax', message: messageOf(error) };
  }
  const context = createContext({}, { microtaskMode: 'afterEvaluate' });
  try {
    new Script(PRELUDE).runInContext(context);
    script.runInContext(context, { timeout: timeoutMs, breakOnSigint: true });
    const summary: unknown = new Script(SUMMARY).runInContext(context, { timeout: timeoutMs });
    if (typeof summary !== 'string') return { ok: false, reason: 'threw', message: 'the exports object could not be read' };
    const parsed = JSON.parse(summary) as Summary;
    return {
      ok: true,
      exports: {
        keys: new Map(parsed.keys),
        moduleKeys: new Map(parsed.moduleKeys),
        registrations: parsed.events?.map(([event, callback]) => ({ event, callback })),
      },
    };
  } catch (error) {
    if (isTimeout(error)) return { ok: false, reason: 'timeout', message: `loading took longer than ${timeoutMs} ms (an endless loop at the top level?)` };
    return { ok: false, reason: 'threw', message: messageOf(error) };
  }
}

function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** Errors thrown inside the sandbox come from another realm, and may be any value at all. */
function messageOf(error: unknown): string {
  try {
    if (typeof error === 'object' && error !== null) {
      const name = (error as { name?: unknown }).name;
      const message = (error as { message?: unknown }).message;
      if (typeof message === 'string') return typeof name === 'string' ? `${name}: ${message}` : message;
    }
    return `it threw ${String(error)}`;
  } catch {
    return 'it threw a value that cannot be shown';
  }
}
