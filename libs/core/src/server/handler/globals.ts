import type { ServerGlobals } from '../../platform/server-globals';

export type GlobalName = keyof ServerGlobals;

export class MissingGlobalError extends Error {
  override name = 'MissingGlobalError';
  constructor(readonly global: GlobalName) {
    super(
      global === 'generateTargetUrl'
        ? 'generateTargetUrl is not available here: the platform provides it only in onAppInstall and product events'
        : `${global} is not available here: the platform provides it to serverless handlers (in tests, install createFakeServerGlobals())`,
    );
  }
}

const KINDS: Record<GlobalName, 'function' | 'object'> = {
  renderData: 'function',
  generateTargetUrl: 'function',
  $db: 'object',
  $schedule: 'object',
  $request: 'object',
};

/**
 * The sandbox's globals, read from `source` (globalThis by default) when first used, so a handler that never touches
 * `$schedule` runs where there is none, and tests can install or inject fakes.
 */
export function serverGlobals(source: object = globalThis): ServerGlobals {
  const read = <K extends GlobalName>(name: K): ServerGlobals[K] => {
    const value = (source as Partial<Record<GlobalName, unknown>>)[name];
    if (typeof value !== KINDS[name] || value === null) throw new MissingGlobalError(name);
    return value as ServerGlobals[K];
  };
  return {
    get renderData() {
      return read('renderData');
    },
    get generateTargetUrl() {
      return read('generateTargetUrl');
    },
    get $db() {
      return read('$db');
    },
    get $schedule() {
      return read('$schedule');
    },
    get $request() {
      return read('$request');
    },
  };
}
