/** The platform's limits on requests (PLATFORM-FACTS §1, the reference's Request Method section, the 2.3 template guide). */
export const REQUEST_LIMITS = {
  /** `maxAttempts`: 1 to 5; the platform's default is 1. */
  maxAttempts: 5,
  defaultMaxAttempts: 1,
  /** `retryDelay` in ms: 1 to 1500; the platform's default is 1000. */
  maxRetryDelayMs: 1500,
  defaultRetryDelayMs: 1000,
  /** Six seconds in the reference document (later 2.x docs say five). */
  timeoutMs: 6000,
  requestsPerWindow: 50,
  windowMs: 60_000,
  maxTemplates: 100,
  /** Request and response bodies, 2.3+. */
  maxBodyBytes: 6 * 1024 * 1024,
} as const;

/** The platform retries network errors (no status), 429 and 5xx, and nothing else. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 0 || status === 429 || (status >= 500 && status <= 599);
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header?.trim()) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The pause before the next attempt: the configured delay, stretched to honour Retry-After, never beyond the
 * platform's 1500 ms cap (a longer wait would outlast the 6 s request timeout and the 20 s handler budget anyway).
 */
export function retryDelayMs(retryDelay: number, retryAfterMs: number | undefined): number {
  return Math.min(REQUEST_LIMITS.maxRetryDelayMs, Math.max(retryDelay, retryAfterMs ?? 0));
}
