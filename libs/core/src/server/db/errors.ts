import { HandlerFailure } from '../failure';
import { hasStatus, isPlatformError } from '../handler/platform-error';
import { DB_MESSAGES } from './limits';

/** A write the platform would refuse, caught before the call; answered as 400. */
export class DbLimitError extends HandlerFailure {
  override name = 'DbLimitError';
  constructor(message: string) {
    super(400, message);
  }
}

/** A stored value that no longer matches its schema (written by an older version, or by hand). */
export class DbValueError extends HandlerFailure {
  override name = 'DbValueError';
  constructor(message: string) {
    super(500, message);
  }
}

/** `$db.get`/`delete` of a key that does not exist (or whose TTL ran out). */
export function isRecordNotFound(error: unknown): boolean {
  return hasStatus(error, 404);
}

/**
 * A setIf whose condition failed. The platform (as FDK's local store shows) answers 400 "The setIf conditional request
 * failed"; 409 is accepted too, in case a platform version answers as HTTP intends.
 */
export function isSetIfConflict(error: unknown): boolean {
  return isPlatformError(error) && (error.status === 409 || (error.status === 400 && error.message === DB_MESSAGES.setIfFailed));
}
