import type { HandlerError, RenderData, ServerGlobals } from '../../platform/server-globals';
import { isPlainObject } from '../json-size';
import { createAnswer } from './answer';
import type { ServerOptions } from './context';
import { serverGlobals } from './globals';
import { createHandlerLogger, type HandlerLogger } from './logger';
import { createRedactor, type Redactor } from './redact';
import { safeMessage } from './safe-message';
import { toHandlerError } from './to-handler-error';

export interface Invocation {
  globals: ServerGlobals;
  redactor: Redactor;
  log: HandlerLogger;
}

/**
 * The shared life of one platform call: find renderData, then run `work` and answer exactly once with its result,
 * its HandlerFailure, or a safe 500. Never rejects: the platform would only log an unhandled rejection.
 */
export async function runAndAnswer(
  label: string,
  raw: unknown,
  options: ServerOptions,
  work: (invocation: Invocation) => Promise<unknown>,
): Promise<void> {
  const globals = serverGlobals(options.globals ?? globalThis);
  const sink = options.logger ?? console;
  let renderData: RenderData;
  try {
    renderData = globals.renderData;
  } catch (thrown) {
    sink.error(`[${label}] cannot answer: ${safeMessage(thrown)}`);
    return;
  }
  const iparams = isPlainObject(raw) && isPlainObject(raw.iparams) ? raw.iparams : undefined;
  const redactor = createRedactor(iparams, options.secureIparams);
  const log = createHandlerLogger(label, redactor, sink);
  const answer = createAnswer(label, renderData, (problem) => log.error(problem));
  try {
    answer.succeed(await work({ globals, redactor, log }));
  } catch (thrown) {
    const error: HandlerError = toHandlerError(thrown, label, redactor.scrub);
    if (error.status >= 500) log.error(error.message, thrown);
    else log.warn(error.message);
    answer.fail(error);
  }
}
