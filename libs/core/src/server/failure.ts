import type { HandlerError } from '../platform/server-globals';

/**
 * A failure a handler answers with on purpose: `renderData({status, message})` with exactly this status and message.
 * Throw it from a handler body; anything else thrown becomes a 500 with a safe message.
 */
export class HandlerFailure extends Error {
  override name = 'HandlerFailure';
  readonly status: number;

  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(`HandlerFailure status must be an HTTP error status (400-599), got ${String(status)}`);
    }
    this.status = status;
  }

  toHandlerError(): HandlerError {
    return { status: this.status, message: this.message };
  }
}
