import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPlainObject } from '../json';
import { LOAD_TIMEOUT_MS } from '../limits';
import { PlatformFailure } from '../platform-error';
import { describeProblem, describeThrown, type CodeProblem, CodeProblemError } from './code-problem';
import { captureConsole } from './console-capture';
import { exportedFunctions, legacyEvents, MissingHandlerError, pickHandler } from './exports';
import { platformGlobals } from './globals';
import { Invocation, TIMEOUT_MESSAGE, type InvocationResult, type InvocationSpec } from './invocation';
import { ModuleLoader } from './module-loader';
import { rejectionGuard } from './rejections';
import { createSandbox, isTimeout, runInSandbox, sandboxPromise } from './sandbox';
import { ServerCode } from './server-code';
import type { PlatformServices } from './services';

export interface ServerRuntimeDeps {
  appDir: string;
  services: PlatformServices;
  /** Emulated epoch ms. */
  now: () => number;
  log: (line: string) => void;
}

/** `process` in the sandbox: only `env`, with ENV as the platform's local test runs set it. */
const PROCESS = { env: { ENV: 'test' } };

/**
 * Runs server.js. Each invocation gets a fresh sandbox in which server.js is evaluated again (compiled once per
 * reload), as `fdk run` does: module-level state does not carry over between invocations, and no invocation can see
 * another's `renderData` or logs.
 */
export class ServerRuntime {
  readonly code: ServerCode;
  private dependencies: string[] = [];
  private problemFound: CodeProblem | undefined;
  private names: string[] = [];
  private legacy: Record<string, string> = {};

  constructor(private readonly deps: ServerRuntimeDeps) {
    this.code = new ServerCode(deps.appDir);
  }

  /** Why server.js cannot run (it does not compile); undefined when it can, or when there is none. */
  get problem(): CodeProblem | undefined {
    return this.problemFound;
  }

  get exists(): boolean {
    return this.code.exists();
  }

  /** Functions server.js exports, as last loaded. */
  get exportedNames(): readonly string[] {
    return this.names;
  }

  /** Its 2.0 `events` array, event name to handler. */
  get legacyEvents(): Readonly<Record<string, string>> {
    return this.legacy;
  }

  /** Re-reads the manifest's dependencies and server.js; reports a file that does not compile. */
  async reload(): Promise<CodeProblem | undefined> {
    this.code.clear();
    this.dependencies = await readDependencies(this.deps.appDir);
    this.problemFound = undefined;
    this.names = [];
    this.legacy = {};
    if (!this.code.exists()) return undefined;
    const loading = new Invocation(LOAD_SPEC, () => {}, this.deps.now);
    const context = createSandbox(
      {
        console: captureConsole((_level, message) => this.deps.log(`[server.js load] ${message}`)),
        renderData: () => {},
        process: PROCESS,
        ...platformGlobals('freshworks_crm', this.loadTimeServices(), loading.track, false, 'server.js loading'),
      },
      this.deps.now,
    );
    rejectionGuard.watch(sandboxPromise(context), (message) => this.deps.log(`[server.js load] ${message}`));
    const loader = new ModuleLoader(context, this.code, this.dependencies);
    try {
      const exported = runInSandbox(context, () => loader.load(this.code.entry), LOAD_TIMEOUT_MS);
      this.names = exportedFunctions(exported);
      this.legacy = legacyEvents(exported);
    } catch (error) {
      if (error instanceof CodeProblemError) this.problemFound = error.problem;
      else this.deps.log(`error  server/server.js: loading it failed: ${isTimeout(error) ? `it ran over ${LOAD_TIMEOUT_MS} ms` : describeThrown(error, this.deps.appDir)}`);
    }
    return this.problemFound;
  }

  /** Runs one handler; never throws, whatever the app does. */
  invoke(spec: InvocationSpec): Promise<InvocationResult> {
    const invocation = new Invocation(spec, this.deps.log, this.deps.now);
    if (!this.code.exists()) {
      invocation.fail(404, 'This app has no server/server.js');
      return invocation.done;
    }
    if (this.problemFound) {
      invocation.fail(500, describeProblem(this.problemFound));
      return invocation.done;
    }
    const context = createSandbox(
      {
        console: captureConsole((level, message) => invocation.log(level, message)),
        renderData: invocation.renderData,
        process: PROCESS,
        ...platformGlobals(spec.product, this.deps.services, invocation.track, spec.targetUrlAllowed, spec.name),
      },
      this.deps.now,
    );
    rejectionGuard.watch(sandboxPromise(context), (message) => invocation.log('error', message));
    const loader = new ModuleLoader(context, this.code, this.dependencies);
    invocation.armTimeout();
    let returned: unknown;
    try {
      returned = runInSandbox(
        context,
        () => {
          const exported = loader.load(this.code.entry);
          return pickHandler(exported, spec.handler).call(exported, loader.fromJson(JSON.stringify(spec.payload)));
        },
        spec.timeoutMs,
      );
    } catch (error) {
      if (isTimeout(error)) invocation.fail(504, TIMEOUT_MESSAGE);
      else if (error instanceof MissingHandlerError) invocation.fail(500, error.message);
      else invocation.fail(500, describeThrown(error, this.deps.appDir));
      return invocation.done;
    }
    if (isThenable(returned)) {
      returned.then(
        () => invocation.handlerReturned(),
        (error: unknown) => invocation.fail(500, describeThrown(error, this.deps.appDir)),
      );
    } else {
      invocation.handlerReturned();
    }
    return invocation.done;
  }

  /** While server.js loads there is no installation to act for; platform calls are refused. */
  private loadTimeServices(): PlatformServices {
    const refuse = (): never => {
      throw new PlatformFailure(400, 'Platform calls are not available while server.js loads; make them inside a handler');
    };
    return { db: refuse, schedule: { create: refuse, update: refuse, fetch: refuse, delete: refuse }, request: { freeForm: refuse, invokeTemplate: refuse }, targetUrl: refuse };
  }
}

const LOAD_SPEC: InvocationSpec = {
  product: 'freshworks_crm',
  name: 'load',
  handler: '',
  payload: {},
  timeoutMs: LOAD_TIMEOUT_MS,
  needsRenderData: false,
  targetUrlAllowed: false,
};

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Names under manifest.json `dependencies`, the npm packages server.js may require. */
async function readDependencies(appDir: string): Promise<string[]> {
  try {
    const manifest = JSON.parse(await readFile(join(appDir, 'manifest.json'), 'utf8')) as unknown;
    const dependencies = isPlainObject(manifest) ? manifest.dependencies : undefined;
    return isPlainObject(dependencies) ? Object.keys(dependencies) : [];
  } catch {
    return [];
  }
}
