/** What went wrong with the phone system, in terms a handler can act on. */
export type PhoneErrorKind =
  /** The API id or token is wrong: the admin must fix the installation settings. */
  | 'credentials'
  | 'not_found'
  /** The agent is offline or busy in the phone system. */
  | 'agent_unavailable'
  /** The provider refused what we sent (a bad number, a bad webhook URL). */
  | 'invalid'
  | 'rate_limited'
  /** No answer, a timeout or a 5xx: trying later may help. */
  | 'unreachable'
  /** The provider answered in a shape we cannot read. */
  | 'unexpected';

const RETRYABLE: ReadonlySet<PhoneErrorKind> = new Set(['rate_limited', 'unreachable']);

/** Every PhoneProvider method rejects with this; `message` is written for a person. */
export class PhoneProviderError extends Error {
  override name = 'PhoneProviderError';

  constructor(
    readonly kind: PhoneErrorKind,
    message: string,
    /** The provider's HTTP status; 0 when none came back. */
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Whether the same call may succeed later (rate limit, outage), as opposed to needing a fix. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}
