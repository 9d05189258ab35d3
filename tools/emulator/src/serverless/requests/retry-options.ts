import { REQUEST_LIMITS } from '@callbridge/core';
import { appRefusal } from './request-error';

/** `maxAttempts` (1-5) and `retryDelay` (ms, up to 1500) from the caller's or the template's options. */
export function retryOptions(options: { maxAttempts?: unknown; retryDelay?: unknown }): { maxAttempts: number; retryDelayMs: number } {
  const { maxAttempts = REQUEST_LIMITS.defaultMaxAttempts, retryDelay = REQUEST_LIMITS.defaultRetryDelayMs } = options;
  if (typeof maxAttempts !== 'number' || !Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > REQUEST_LIMITS.maxAttempts) {
    throw appRefusal(400, `maxAttempts must be a whole number from 1 to ${REQUEST_LIMITS.maxAttempts}`);
  }
  if (typeof retryDelay !== 'number' || !Number.isFinite(retryDelay) || retryDelay < 0 || retryDelay > REQUEST_LIMITS.maxRetryDelayMs) {
    throw appRefusal(400, `retryDelay must be a number of milliseconds from 0 to ${REQUEST_LIMITS.maxRetryDelayMs}`);
  }
  return { maxAttempts, retryDelayMs: retryDelay };
}
