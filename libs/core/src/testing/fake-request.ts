import type { FreeFormRequestOptions, HttpMethod, InvokeTemplateOptions, RequestApi, RequestSuccess } from '../platform/client';
import type { AnyRequestTemplate } from '../request/define-request-template';
import { timerSleep, type Sleep } from '../request/rate-limiter';
import { renderFully } from '../request/render';
import { createResolver, renderRequest, type RenderedRequest } from '../request/render-request';
import { isRetryableStatus, parseRetryAfter, REQUEST_LIMITS, retryDelayMs } from '../request/request-limits';
import { RequestTemplateError } from '../request/request-template-error';
import type { RequestPlatformVersion } from '../request/requester';
import { readRequestsJson, toRequestsJson, type RequestsJson } from '../request/requests-json';
import { describeReference, parseTemplateString } from '../request/template-expression';

export interface FakeRequestApiOptions {
  /** The installation's values, secure ones included: the platform substitutes them all. */
  iparams: Readonly<Record<string, unknown>>;
  /** What config/requests.json declares (and the manifest lists); typed templates or the JSON itself. */
  templates?: readonly AnyRequestTemplate[] | RequestsJson;
  /** 2.3 when templates are given, else 2.1. */
  platformVersion?: RequestPlatformVersion;
  /** Checked against the templates as the platform's validator would. */
  secureIparams?: readonly string[];
  /** What `<%= access_token %>` becomes for isOAuth requests. */
  accessToken?: string;
  /** Per attempt; 6 s as the reference documents. */
  timeoutMs?: number;
  /** Waits between attempts; inject one that records to test retry timing without waiting. */
  sleep?: Sleep;
  now?: () => number;
}

/** What the platform rejects a request with. */
export interface PlatformRequestRejection {
  status: number;
  headers: Record<string, string>;
  response: string;
  attempts: number;
  errorSource: 'APP' | 'PLATFORM';
}

interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

type Outcome = { kind: 'response'; status: number; headers: Record<string, string>; text: string } | { kind: 'timeout' } | { kind: 'network'; message: string };

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

function rejectWith(rejection: PlatformRequestRejection): never {
  // The platform rejects with plain objects, not Errors; code under test must cope with exactly that.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw rejection;
}

/** The app's mistake, caught before anything is sent. */
function refused(message: string): never {
  return rejectWith({ status: 400, headers: { 'content-type': 'text/plain' }, response: message, attempts: 0, errorSource: 'APP' });
}

function rejection(outcome: Outcome, attempts: number): PlatformRequestRejection {
  if (outcome.kind === 'response') return { status: outcome.status, headers: outcome.headers, response: outcome.text, attempts, errorSource: 'APP' };
  // PLATFORM-FACTS lists 504 as "Timeout error while processing the request" and 502 as "Network error".
  if (outcome.kind === 'timeout') return { status: 504, headers: {}, response: 'Timeout error while processing the request.', attempts, errorSource: 'PLATFORM' };
  return { status: 502, headers: {}, response: `Network error: ${outcome.message}`, attempts, errorSource: 'PLATFORM' };
}

function checkAttemptOptions(maxAttempts: unknown, retryDelay: unknown): string | undefined {
  const whole = (value: unknown, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
  if (maxAttempts !== undefined && !whole(maxAttempts, REQUEST_LIMITS.maxAttempts)) return `maxAttempts must be 1 to ${REQUEST_LIMITS.maxAttempts}`;
  if (retryDelay !== undefined && !whole(retryDelay, REQUEST_LIMITS.maxRetryDelayMs)) return `retryDelay must be 1 to ${REQUEST_LIMITS.maxRetryDelayMs} ms`;
  return undefined;
}

/**
 * A stand-in for the platform's request proxy (`client.request` / `$request`) that sends real HTTP with the global
 * `fetch`, so tests mock the far side with msw. It substitutes iparams (secure ones too), renders declared templates,
 * retries network errors, timeouts, 429 and 5xx up to maxAttempts with at most 1500 ms between attempts (honouring
 * Retry-After up to that cap), and answers with the platform's success and rejection shapes.
 */
export function createFakeRequestApi(options: FakeRequestApiOptions): RequestApi {
  const version = options.platformVersion ?? (options.templates ? '2.3' : '2.1');
  const templates = options.templates;
  const declared = readRequestsJson(Array.isArray(templates) ? toRequestsJson(templates) : (templates ?? {}), { secureIparams: options.secureIparams ?? [] });
  const timeoutMs = options.timeoutMs ?? REQUEST_LIMITS.timeoutMs;
  const sleep = options.sleep ?? timerSleep;
  const now = options.now ?? (() => Date.now());

  async function attempt(request: OutgoingRequest): Promise<Outcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = globalThis.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? null, signal: controller.signal });
      const text = await response.text();
      return { kind: 'response', status: response.status, headers: Object.fromEntries(response.headers.entries()), text };
    } catch (error) {
      return timedOut ? { kind: 'timeout' } : { kind: 'network', message: error instanceof Error ? error.message : String(error) };
    } finally {
      globalThis.clearTimeout(timer);
    }
  }

  async function send(request: OutgoingRequest, maxAttempts: number, retryDelay: number): Promise<RequestSuccess> {
    for (let attempts = 1; ; attempts += 1) {
      const outcome = await attempt(request);
      if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
        return { status: outcome.status, headers: outcome.headers, response: outcome.text, attempts };
      }
      const retryable = outcome.kind !== 'response' || isRetryableStatus(outcome.status);
      if (!retryable || attempts >= maxAttempts) rejectWith(rejection(outcome, attempts));
      const retryAfter = outcome.kind === 'response' ? parseRetryAfter(outcome.headers['retry-after'], now()) : undefined;
      await sleep(retryDelayMs(retryDelay, retryAfter));
    }
  }

  function substitute(where: string, text: string, isOAuth: boolean): string {
    const parsed = parseTemplateString(text);
    if (!parsed.ok) refused(`${where}: ${parsed.problem}`);
    const resolve = createResolver({}, { kind: 'full', iparams: options.iparams, accessToken: isOAuth ? options.accessToken : undefined });
    const result = renderFully(parsed.segments, resolve);
    if (!result.ok) refused(`${where}: ${describeReference(result.ref)} has no value here`);
    return result.text;
  }

  async function freeForm(method: HttpMethod, url: string, requestOptions: FreeFormRequestOptions = {}): Promise<RequestSuccess> {
    if (version === '2.3') refused('Free-form requests are not allowed on platform 2.3; declare a request template and use invokeTemplate');
    const problem = checkAttemptOptions(requestOptions.maxAttempts, requestOptions.retryDelay);
    if (problem) refused(problem);
    const isOAuth = requestOptions.isOAuth === true;
    const body = requestOptions.body ?? (requestOptions.json === undefined ? undefined : JSON.stringify(requestOptions.json));
    const request: OutgoingRequest = {
      method: method.toUpperCase(),
      url: substitute('url', url, isOAuth),
      headers: Object.fromEntries(Object.entries(requestOptions.headers ?? {}).map(([name, value]) => [name, substitute(`headers.${name}`, value, isOAuth)])),
      body: body === undefined ? undefined : substitute('body', body, isOAuth),
    };
    return send(request, requestOptions.maxAttempts ?? REQUEST_LIMITS.defaultMaxAttempts, requestOptions.retryDelay ?? REQUEST_LIMITS.defaultRetryDelayMs);
  }

  async function invokeTemplate(name: string, invocation: InvokeTemplateOptions = {}): Promise<RequestSuccess> {
    if (version !== '2.3') refused(`invokeTemplate needs platform-version 2.3; this app is ${version}`);
    const template = declared.get(name);
    if (!template) refused(`Request template "${name}" is not declared in config/requests.json and the manifest`);
    if (invocation.body !== undefined && typeof invocation.body !== 'string') refused('body must be a string');
    if (invocation.body !== undefined && new TextEncoder().encode(invocation.body).length > REQUEST_LIMITS.maxBodyBytes) refused('body is larger than 6 MB');
    const isOAuth = template.options.isOAuth === true;
    let rendered: RenderedRequest;
    try {
      rendered = renderRequest(name, template.compiled, { context: invocation.context ?? {}, query: invocation.query ?? {} }, {
        kind: 'full',
        iparams: options.iparams,
        accessToken: isOAuth ? options.accessToken : undefined,
      });
    } catch (error) {
      if (error instanceof RequestTemplateError) refused(error.message);
      throw error;
    }
    const { maxAttempts, retryDelay } = template.options;
    return send(
      { ...rendered, body: invocation.body },
      maxAttempts ?? REQUEST_LIMITS.defaultMaxAttempts,
      retryDelay ?? REQUEST_LIMITS.defaultRetryDelayMs,
    );
  }

  const api = Object.fromEntries(METHODS.map((method) => [method, (url: string, o?: FreeFormRequestOptions) => freeForm(method, url, o)]));
  return { ...(api as Pick<RequestApi, HttpMethod>), invokeTemplate };
}
