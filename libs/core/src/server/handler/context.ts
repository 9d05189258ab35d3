import type { KeyValueStore } from '../../platform/client';
import type { ScheduleApi, ServerGlobals, ServerRequestApi } from '../../platform/server-globals';
import type { HandlerLogger, LogSink } from './logger';
import type { Redactor, SecureIparams } from './redact';

/** How a handler or server method finds its surroundings; every option has the platform's default. */
export interface ServerOptions {
  /** Where the platform globals are read from at call time; `globalThis` (the sandbox) by default. */
  globals?: object;
  /** Which iparams are secret, beyond names that look like credentials. */
  secureIparams?: SecureIparams;
  /** Where logs go; `console` by default. */
  logger?: LogSink;
  /** Epoch milliseconds; `Date.now` by default. */
  now?: () => number;
}

/** What every handler body and server method gets besides its input. */
export interface ServerContext {
  readonly iparams: Readonly<Record<string, unknown>>;
  readonly db: KeyValueStore;
  readonly schedule: ScheduleApi;
  readonly request: ServerRequestApi;
  readonly log: HandlerLogger;
  now(): Date;
  /** A copy safe to log or return: secrets replaced. */
  redact<T>(value: T): T;
}

export function createServerContext(
  iparams: Readonly<Record<string, unknown>>,
  globals: ServerGlobals,
  redactor: Redactor,
  log: HandlerLogger,
  options: ServerOptions,
): ServerContext {
  const now = options.now ?? Date.now;
  return {
    iparams,
    log,
    get db() {
      return globals.$db;
    },
    get schedule() {
      return globals.$schedule;
    },
    get request() {
      return globals.$request;
    },
    now: () => new Date(now()),
    redact: (value) => redactor.redact(value),
  };
}
