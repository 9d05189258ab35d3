import { describeIssues as describeSchemaIssues, type SchemaIssue } from '../schema/standard';

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

/** `path: message` per schema issue, for error messages and debug logs. */
export function describeIssues(error: { issues: ReadonlyArray<SchemaIssue> }): string {
  return describeSchemaIssues(error.issues);
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
