import vm from 'node:vm';

/**
 * Makes the sandbox's `Date` follow the emulated clock (`new Date()`, `Date.now()`), so an app that schedules
 * "5 minutes from now" agrees with `$schedule` when the clock runs fast or was advanced.
 */
const CLOCK_DATE = new vm.Script(
  `(function (nowMs) {
    var RealDate = Date;
    function EmulatedDate() {
      if (!new.target) return new RealDate(nowMs()).toString();
      return arguments.length === 0 ? new RealDate(nowMs()) : Reflect.construct(RealDate, arguments);
    }
    EmulatedDate.prototype = RealDate.prototype;
    EmulatedDate.now = function now() { return Math.floor(nowMs()); };
    EmulatedDate.parse = RealDate.parse;
    EmulatedDate.UTC = RealDate.UTC;
    Object.defineProperty(RealDate.prototype, 'constructor', { value: EmulatedDate, writable: true, configurable: true });
    globalThis.Date = EmulatedDate;
  })`,
  { filename: 'callbridge:emulated-date' },
);

const ENTRY = new vm.Script('__callbridgeEntry()', { filename: 'callbridge:invoke' });

/**
 * A fresh context for one invocation, with only the globals given: the platform's sandbox has no timers, no Buffer
 * and no `process` beyond `{env}`, and a new context has none of them to begin with.
 */
export function createSandbox(globals: Record<string, unknown>, nowMs: () => number): vm.Context {
  const context = vm.createContext({ ...globals }, { name: 'server.js', codeGeneration: { strings: true, wasm: false } });
  (CLOCK_DATE.runInContext(context) as (now: () => number) => void)(nowMs);
  return context;
}

/** Runs `entry` inside the context, so the vm's timeout also stops a synchronous endless loop in the app's code. */
export function runInSandbox(context: vm.Context, entry: () => unknown, timeoutMs: number): unknown {
  const global = context as Record<string, unknown>;
  global.__callbridgeEntry = entry;
  try {
    return ENTRY.runInContext(context, { timeout: Math.max(1, Math.floor(timeoutMs)) });
  } finally {
    delete global.__callbridgeEntry;
  }
}

export function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** The sandbox's own Promise, to recognise its rejections. */
export function sandboxPromise(context: vm.Context): unknown {
  return vm.runInContext('Promise', context);
}
