export interface DeliveryPolicy {
  /** Tries per delivery before it counts as failed (Aircall retries far longer; redeliver stands in for that). */
  maxAttempts: number;
  retryDelayMs: number;
  /** Aircall gives a receiver 5 seconds. */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 3, retryDelayMs: 1000, timeoutMs: 5000 };

export interface DeliveryOutcome {
  ok: boolean;
  status: number | null;
  attempts: number;
  error: string | null;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** POSTs one JSON event by real HTTP; a non-2xx answer, a network error or a timeout is retried. */
export async function postEvent(url: string, body: string, policy: DeliveryPolicy, signal: AbortSignal): Promise<DeliveryOutcome> {
  let outcome: DeliveryOutcome = { ok: false, status: null, attempts: 0, error: null };
  for (let attempt = 1; attempt <= policy.maxAttempts && !signal.aborted; attempt++) {
    if (attempt > 1) await pause(policy.retryDelayMs * (attempt - 1), signal);
    if (signal.aborted) break;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Aircall-Webhooks (callbridge emulator)' },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(policy.timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      outcome = { ok: response.ok, status: response.status, attempts: attempt, error: response.ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      outcome = { ok: false, status: null, attempts: attempt, error: (error as Error).message };
    }
    if (outcome.ok) break;
  }
  return outcome;
}
