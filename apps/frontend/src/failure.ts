import { ServerMethodError } from '@callbridge/core';
import { t } from '@callbridge/ui';

/**
 * What a rep reads when a call to the server or the platform failed: what to do next, and for a refused request
 * (a server method's own 4xx) the server's message, which names the field or record at fault.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof ServerMethodError) {
    if (error.status === 401 || error.status === 403) return t('error.settings');
    if (error.status === 429) return t('error.busy');
    if (error.status === 408 || error.status === 504) return t('error.timeout');
    if (error.status < 500 && error.message) return error.message;
    return t('error.server');
  }
  // Platform calls reject with plain `{status, message}` objects, not Errors.
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message ? message : t('error.server');
}
