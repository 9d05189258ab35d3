// Apart from errors.ts: contracts throw it as they are defined, in every bundle; the helpers load with messaging.

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
