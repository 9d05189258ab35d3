import { describeIssues as describeSchemaIssues, type SchemaIssue } from '../schema/standard';

export { MessagingError, type MessagingErrorCode } from './messaging-error';

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
