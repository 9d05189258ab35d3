import { crmError } from './errors';

/** An outage or refusal the embedded CRM plays instead of answering, for tests of an app's failure handling. */
export interface CrmFault {
  /** The HTTP status every faulty answer carries (400-599). */
  status: number;
  /** How many more requests fail; null until the fault is cleared. */
  remaining: number | null;
  /** The `errors.message` of the answer. */
  message: string;
  /** `Retry-After` in seconds, sent with 429 and 503. */
  retryAfterSeconds: number;
}

export interface CrmFaultInput {
  status: number;
  count?: number;
  message?: string;
  retryAfterSeconds?: number;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  429: 'You have exceeded the limit of API requests for this account.',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service temporarily unavailable',
  504: 'Gateway timeout',
};

/**
 * One product's injected fault: the next `count` requests to its REST API (every request until cleared when no
 * count is given) answer `status` in the product's error shape, before the key and the rate limit are checked,
 * as an outage in front of the API would. Nothing is read or written while a fault answers.
 */
export class CrmFaults {
  private fault: CrmFault | undefined;
  /** Requests answered by a fault since it was set. */
  private served = 0;

  set(input: CrmFaultInput): CrmFault {
    this.fault = {
      status: input.status,
      remaining: input.count ?? null,
      message: input.message ?? DEFAULT_MESSAGES[input.status] ?? `Injected fault ${input.status}`,
      retryAfterSeconds: input.retryAfterSeconds ?? 1,
    };
    this.served = 0;
    return { ...this.fault };
  }

  clear(): void {
    this.fault = undefined;
    this.served = 0;
  }

  /** The fault in force and how many requests it answered, or null. */
  current(): (CrmFault & { served: number }) | null {
    return this.fault ? { ...this.fault, served: this.served } : null;
  }

  /** The faulty answer for this request, or undefined when the API should answer normally. */
  take(): Response | undefined {
    const fault = this.fault;
    if (!fault) return undefined;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.fault = undefined;
    }
    this.served += 1;
    const headers: Record<string, string> = fault.status === 429 || fault.status === 503 ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
    return crmError(fault.status, fault.message, headers);
  }
}
