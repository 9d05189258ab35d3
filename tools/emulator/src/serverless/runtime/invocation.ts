import { performance } from 'node:perf_hooks';
import type { ProductName } from '@callbridge/core';
import { cloneJson, type JsonRecord } from '../json';
import { MAX_LOG_LINES } from '../limits';
import type { PlatformErrorBody } from '../platform-error';
import { PlatformPromise } from '../platform-promise';
import type { LogLevel, LogLine } from './console-capture';
import { rejectionOf, type Track } from './globals';

export interface InvocationSpec {
  product: ProductName;
  /** The event or function name, for logs and messages. */
  name: string;
  /** The export of server.js that handles it. */
  handler: string;
  payload: JsonRecord;
  timeoutMs: number;
  /** App setup events and server methods finish only when renderData is called (or time out). */
  needsRenderData: boolean;
  targetUrlAllowed: boolean;
}

export interface InvocationResult {
  ok: boolean;
  /** 200 when ok, else the error's status. */
  status: number;
  response?: unknown;
  error?: PlatformErrorBody;
  durationMs: number;
  logs: LogLine[];
}

export const TIMEOUT_MESSAGE = 'Timeout error while processing the request.';
export const NON_OBJECT_ERROR = 'The error should be a JSON Object with a message or a status parameter.';

type Outcome = { ok: true; response?: unknown } | { ok: false; error: PlatformErrorBody };

/**
 * One run of one handler: collects its logs, takes the first renderData answer, counts platform calls in flight,
 * and settles exactly once: on renderData, on a throw, at the timeout, or (for events) once the handler returned
 * and nothing it started is still running.
 */
export class Invocation {
  readonly logs: LogLine[] = [];
  readonly done: Promise<InvocationResult>;
  private settle!: (result: InvocationResult) => void;
  private settled = false;
  private answered = false;
  private returned = false;
  private inFlight = 0;
  private hinted = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly started = performance.now();

  constructor(
    readonly spec: InvocationSpec,
    private readonly echo: (line: string) => void,
    private readonly now: () => number,
  ) {
    this.done = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  log(level: LogLevel, message: string): void {
    this.echo(`[${this.spec.product} ${this.spec.name}] ${message}`);
    if (this.settled) return;
    if (this.logs.length < MAX_LOG_LINES) this.logs.push({ level, message, at: new Date(this.now()).toISOString() });
  }

  /** Times out at `timeoutMs` after the start, whatever the handler is doing. */
  armTimeout(): void {
    const remaining = Math.max(0, this.spec.timeoutMs - this.elapsedMs());
    this.timer = setTimeout(() => this.fail(504, TIMEOUT_MESSAGE), remaining);
  }

  readonly renderData = (error?: unknown, data?: unknown): void => {
    if (this.settled || this.answered) {
      this.log('warn', this.answered ? 'renderData() was called again; the platform keeps the first answer' : 'renderData() came after the invocation had finished; ignored');
      return;
    }
    this.answered = true;
    if (error === undefined || error === null) {
      let response: unknown;
      try {
        response = data === undefined ? undefined : cloneJson(data);
      } catch (thrown) {
        this.fail(500, `renderData(): the data has no JSON form (${(thrown as Error).message})`);
        return;
      }
      this.finish({ ok: true, ...(response !== undefined ? { response } : {}) });
      return;
    }
    const { status, message } = (typeof error === 'object' && !Array.isArray(error) ? error : {}) as { status?: unknown; message?: unknown };
    if (status === undefined && message === undefined) {
      this.fail(400, NON_OBJECT_ERROR);
      return;
    }
    this.fail(typeof status === 'number' ? status : 500, typeof message === 'string' ? message : message === undefined ? '' : JSON.stringify(message));
  };

  /** Platform calls made by this invocation; an event is not over while one is pending. */
  readonly track: Track = <T>(work: () => T | Promise<T>) => {
    this.inFlight += 1;
    return new PlatformPromise<T>((resolve, reject) => {
      Promise.resolve()
        .then(work)
        .then(resolve, (error: unknown) => reject(rejectionOf(error)))
        .finally(() => {
          this.inFlight -= 1;
          this.checkIdle();
        });
    });
  };

  /** The handler's function returned (or its promise resolved). */
  handlerReturned(): void {
    this.returned = true;
    this.checkIdle();
  }

  fail(status: number, message: string): void {
    this.finish({ ok: false, error: { status, message } });
  }

  /**
   * Callbacks the handler chained run as microtasks, and anything they start is counted before a setImmediate
   * callback runs; only then is "nothing left to do" true.
   */
  private checkIdle(): void {
    if (this.settled || !this.returned || this.inFlight > 0) return;
    setImmediate(() => {
      if (this.settled || this.inFlight > 0) return;
      if (!this.spec.needsRenderData) {
        this.finish({ ok: true });
      } else if (!this.hinted) {
        this.hinted = true;
        this.log('warn', `${this.spec.handler} finished without calling renderData(); the platform waits for it until the ${this.spec.timeoutMs / 1000} s timeout`);
      }
    });
  }

  private finish(outcome: Outcome): void {
    if (this.settled) return;
    clearTimeout(this.timer);
    const durationMs = Math.round(this.elapsedMs());
    if (!outcome.ok) this.log('error', `${outcome.error.status} ${outcome.error.message}`);
    this.settled = true;
    this.settle(
      outcome.ok
        ? { ok: true, status: 200, ...('response' in outcome ? { response: outcome.response } : {}), durationMs, logs: this.logs }
        : { ok: false, status: outcome.error.status, error: outcome.error, durationMs, logs: this.logs },
    );
  }
}
