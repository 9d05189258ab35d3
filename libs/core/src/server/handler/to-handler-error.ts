import type { HandlerError } from '../../platform/server-globals';
import { HandlerFailure } from '../failure';
import { isPlatformError } from './platform-error';
import { oneLine, safeMessage } from './safe-message';

function isErrorStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 599;
}

/**
 * The one answer for anything a handler throws:
 * - HandlerFailure (and PayloadError, DbLimitError...): its status and message, as written;
 * - a platform error object left uncaught (`$db` 404, a `$request` failure): its status, and
 *   `<label> failed: <its message>`; the response body is never copied;
 * - anything else: 500 `<label> failed: <first line of its message>`, never a stack.
 * `scrub` removes secrets (secure iparam values) from the text.
 */
export function toHandlerError(thrown: unknown, label: string, scrub: (text: string) => string): HandlerError {
  if (thrown instanceof HandlerFailure) return { status: thrown.status, message: scrub(oneLine(thrown.message)) };
  if (isPlatformError(thrown)) {
    const status = isErrorStatus(thrown.status) ? thrown.status : 500;
    const detail = thrown.message ? oneLine(thrown.message) : `a platform call failed with status ${thrown.status}`;
    return { status, message: scrub(`${label} failed: ${detail}`) };
  }
  return { status: 500, message: scrub(`${label} failed: ${safeMessage(thrown)}`) };
}
