import { isRetryableStatus, REQUEST_LIMITS } from '@callbridge/core';
import { messageOf } from '../platform-error';
import { platformRefusal, RequestFailure, type RequestSuccess } from './request-error';

export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface SendOptions {
  maxAttempts: number;
  retryDelayMs: number;
  timeoutMs?: number;
}

export interface DispatchTarget {
  virtualHosts: ReadonlyMap<string, (request: Request) => Promise<Response>>;
  /** `--live`: hosts the emulator does not answer for go to the real network. */
  live: boolean;
  fetch?: typeof fetch;
}

type Attempt = { kind: 'response'; status: number; headers: Record<string, string>; body: string } | { kind: 'network'; message: string } | { kind: 'timeout' };

const TIMEOUT_MESSAGE = 'Timeout error while processing the request.';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The platform retries network errors, 429 and 5xx, and nothing else (a timeout is not retried). */
function retryable(attempt: Attempt): boolean {
  return attempt.kind === 'network' || (attempt.kind === 'response' && isRetryableStatus(attempt.status));
}

/**
 * Sends one request the way the platform's proxy does: to an in-process virtual host (the emulated CRM, the phone
 * system), to the network with `--live`, or nowhere (502) when offline; retries and times out per the options.
 */
export async function dispatch(target: DispatchTarget, request: OutgoingRequest, options: SendOptions): Promise<RequestSuccess> {
  const virtual = target.virtualHosts.get(request.url.host) ?? target.virtualHosts.get(request.url.hostname);
  if (!virtual && !target.live) {
    throw platformRefusal(502, `offline: ${request.url.hostname} is not emulated; run with --live to reach it`);
  }
  const timeoutMs = options.timeoutMs ?? REQUEST_LIMITS.timeoutMs;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const attempt = await once(target, virtual, request, timeoutMs);
    if (attempts < options.maxAttempts && retryable(attempt)) {
      await sleep(options.retryDelayMs);
      continue;
    }
    if (attempt.kind === 'timeout') throw platformRefusal(504, TIMEOUT_MESSAGE, attempts);
    if (attempt.kind === 'network') throw platformRefusal(502, `Error in establishing connection: ${attempt.message}`, attempts);
    const result = { status: attempt.status, headers: attempt.headers, response: attempt.body, attempts };
    if (attempt.status >= 400) throw new RequestFailure({ ...result, errorSource: 'APP' });
    return result;
  }
}

async function once(
  target: DispatchTarget,
  virtual: ((request: Request) => Promise<Response>) | undefined,
  request: OutgoingRequest,
  timeoutMs: number,
): Promise<Attempt> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Attempt>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: 'timeout' });
    }, timeoutMs);
  });
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    signal: controller.signal,
    ...(request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD' ? { body: request.body } : {}),
  };
  const send = async (): Promise<Attempt> => {
    try {
      const response = virtual ? await virtual(new Request(request.url, init)) : await (target.fetch ?? fetch)(request.url, init);
      const body = await response.text();
      return { kind: 'response', status: response.status, headers: Object.fromEntries(response.headers), body };
    } catch (error) {
      return { kind: 'network', message: messageOf(error) };
    }
  };
  try {
    return await Promise.race([send(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
