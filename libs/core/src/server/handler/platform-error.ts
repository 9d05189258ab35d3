import type { PlatformError } from '../../platform/client';

/**
 * Whether a rejection is the platform's own error object (`$db`, `$schedule`, `$request` reject with plain
 * `{status, message?}` objects, not Errors).
 */
export function isPlatformError(value: unknown): value is PlatformError {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as { status?: unknown }).status === 'number' &&
    ['string', 'undefined'].includes(typeof (value as { message?: unknown }).message)
  );
}

export function hasStatus(value: unknown, status: number): boolean {
  return isPlatformError(value) && value.status === status;
}
