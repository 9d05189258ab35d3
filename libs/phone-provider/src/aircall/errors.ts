import { errorBody, RequestError, RequestTemplateError } from '@callbridge/core';
import { PhoneProviderError } from '../phone-error';
import { aircallErrorBodySchema } from './schemas';

export const AIRCALL_CREDENTIALS_MESSAGE = 'Aircall rejected the API ID and token: check them in the installation settings';

/** Aircall's own words from an error body (`error` and `troubleshoot`, or `message`), if it sent any. */
function detailOf(error: RequestError): string | undefined {
  const body = errorBody(error, aircallErrorBodySchema);
  if (!body) return undefined;
  const parts = [body.error ?? body.message, body.troubleshoot].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length ? parts.join(': ').slice(0, 300) : undefined;
}

/**
 * What a failed Aircall call means for Callbridge. `what` names the action for messages ("register the webhook").
 * Anything that is not a RequestError (a bug of ours) is passed through untouched.
 */
export function toPhoneProviderError(error: unknown, what: string): unknown {
  if (error instanceof RequestTemplateError) return new PhoneProviderError('invalid', `Callbridge could not ${what}: ${error.message}`, 0, { cause: error });
  if (!(error instanceof RequestError)) return error;
  const { status } = error;
  const detail = detailOf(error);
  const said = detail ? ` (Aircall said: ${detail})` : '';
  const options = { cause: error };
  if (error.errorSource === 'PARSE') return new PhoneProviderError('unexpected', `Aircall answered in a shape Callbridge cannot read when trying to ${what}`, status, options);
  if (status === 401 || status === 403) return new PhoneProviderError('credentials', AIRCALL_CREDENTIALS_MESSAGE, status, options);
  if (status === 404) return new PhoneProviderError('not_found', `Aircall could not find what Callbridge needs to ${what}${said}`, status, options);
  if (status === 405) return new PhoneProviderError('agent_unavailable', `Aircall could not ${what}: the agent is not available${said}; open the Aircall app and set yourself available`, status, options);
  if (status === 429) return new PhoneProviderError('rate_limited', `Aircall's rate limit is reached, so Callbridge could not ${what}; it will work again in a minute`, status, options);
  if (status === 0 || status === 408 || status >= 500) {
    return new PhoneProviderError('unreachable', `Aircall is not answering (${status || 'no response'}), so Callbridge could not ${what}; try again in a few minutes`, status, options);
  }
  return new PhoneProviderError('invalid', `Aircall refused to ${what}${said}`, status, options);
}
