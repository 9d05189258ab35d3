import { errorBody, RequestError, RequestTemplateError } from '@callbridge/core';
import { crmErrorBodySchema } from './schemas';

/** What went wrong with the CRM, in terms a handler can act on. */
export type CrmErrorKind =
  /** Wrong domain or API key: the admin must fix the installation settings. */
  | 'credentials'
  /** The key's user may not see or change this record. */
  | 'forbidden'
  | 'not_found'
  /** The CRM refused what we sent (400, 422), or we refused it before sending. */
  | 'invalid'
  | 'rate_limited'
  /** No answer, a timeout or a 5xx: trying later may help. */
  | 'unreachable'
  | 'unexpected';

const RETRYABLE: ReadonlySet<CrmErrorKind> = new Set(['rate_limited', 'unreachable']);

export const CRM_CREDENTIALS_MESSAGE = 'The CRM rejected the API key: check the CRM domain and API key in the installation settings';

/** Every CrmConnector method rejects with this; `message` is written for a person. */
export class CrmError extends Error {
  override name = 'CrmError';

  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    /** The CRM's HTTP status; 0 when none came back or nothing was sent. */
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

/** The CRM's own words from an error body, if it sent any. */
function detailOf(error: RequestError): string | undefined {
  const body = errorBody(error, crmErrorBodySchema);
  if (!body) return undefined;
  const messages = body.errors?.message ?? body.message;
  const text = (Array.isArray(messages) ? messages.join(' ') : (messages ?? '')).trim();
  return text ? text.slice(0, 300) : undefined;
}

/**
 * What a failed CRM call means for Callbridge. `what` names the action for messages ("log the call"). Anything
 * that is not a RequestError (a bug of ours) is passed through untouched.
 */
export function toCrmError(error: unknown, what: string): unknown {
  if (error instanceof RequestTemplateError) return new CrmError('invalid', `Callbridge could not ${what}: ${error.message}`, 0, { cause: error });
  if (!(error instanceof RequestError)) return error;
  const { status } = error;
  const detail = detailOf(error);
  const said = detail ? ` (the CRM said: ${detail})` : '';
  const options = { cause: error };
  if (error.errorSource === 'PARSE') return new CrmError('unexpected', `The CRM answered in a shape Callbridge cannot read when trying to ${what}`, status, options);
  if (status === 401) return new CrmError('credentials', CRM_CREDENTIALS_MESSAGE, status, options);
  if (status === 403) return new CrmError('forbidden', `The CRM API key may not ${what}${said}: use the key of a user with access`, status, options);
  if (status === 404) return new CrmError('not_found', `The CRM could not ${what}: the record does not exist, or no longer${said}`, status, options);
  if (status === 429) return new CrmError('rate_limited', `The CRM's API limit is reached, so Callbridge could not ${what}; try again later`, status, options);
  if (status === 0 || status === 408 || status >= 500) {
    return new CrmError('unreachable', `The CRM is not answering (${status || 'no response'}), so Callbridge could not ${what}; try again in a few minutes`, status, options);
  }
  return new CrmError('invalid', `The CRM refused to ${what}${said}`, status, options);
}
