import type { z } from 'zod';

/** What went wrong, so callers can branch without parsing messages. */
export type MessagingErrorCode =
  | 'invalid-contract'
  | 'invalid-payload'
  | 'invalid-title'
  | 'invalid-input'
  | 'send-failed'
  | 'timeout'
  | 'remote-error';

/** Every failure of the messaging layer: a message a person can act on, plus a code and the cause. */
export class MessagingError extends Error {
  override readonly name = 'MessagingError';

  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One line per zod issue, `path: message`, for error messages and debug logs. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** The readable part of whatever a platform call rejected with (platform errors are plain `{status, message}` objects). */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'object' && cause !== null) {
    const { status, message } = cause as { status?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : JSON.stringify(cause);
    return typeof status === 'number' ? `${status} ${text}` : text;
  }
  return String(cause);
}
