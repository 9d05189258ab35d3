import type { RequestApi, RequestSuccess } from '../platform/client';
import { prepareCall, type CallInput } from './call-input';
import type { AnyRequestTemplate, RequestTemplate, ResponseOf } from './define-request-template';
import { toFreeFormRequest } from './free-form-request';
import { createRateLimiter, hasTimers, type RateLimiter } from './rate-limiter';
import { requestErrorFromBody, requestErrorFromRejection } from './request-error';
import { RequestTemplateError } from './request-template-error';
import { checkResponse } from './response-schema';

/** 2.1 and 2.2 send free-form requests; 2.3 invokes declared templates. */
export type RequestPlatformVersion = '2.1' | '2.2' | '2.3';

export interface RequesterOptions<T extends readonly AnyRequestTemplate[]> {
  /** `client.request` in the front end, `$request` in serverless. */
  api: RequestApi;
  platformVersion: RequestPlatformVersion;
  templates: T;
  /**
   * Keeps to the platform's 50 requests a minute by queueing. Defaults to a fresh limiter where timers exist;
   * pass one limiter to every requester of an instance so they share the budget, or false to send at once.
   */
  limiter?: RateLimiter | false;
}

export interface CallResult<R> {
  data: R;
  status: number;
  headers: Record<string, string>;
  /** How many attempts the platform needed. */
  attempts: number;
}

// With an untyped template list (AnyRequestTemplate[]) no member matches a literal name; fall back to the list's type.
type Named<T extends AnyRequestTemplate, N> = [Extract<T, { name: N }>] extends [never] ? T : Extract<T, { name: N }>;

export interface Requester<T extends AnyRequestTemplate> {
  /** Calls a template and resolves to its parsed body; rejects with RequestError (or RequestTemplateError for bad input). */
  call: <N extends T['name']>(name: N, input?: CallInput) => Promise<ResponseOf<Named<T, N>>>;
  /** As call, with the status, headers and attempts too (e.g. for pagination headers). */
  callWithResponse: <N extends T['name']>(name: N, input?: CallInput) => Promise<CallResult<ResponseOf<Named<T, N>>>>;
}

async function decode<R>(template: RequestTemplate<string, R>, success: RequestSuccess): Promise<R> {
  const raw: unknown = success.response;
  let value: unknown = raw;
  if (template.responseFormat === 'json' && typeof raw === 'string') {
    try {
      value = raw.trim() === '' ? undefined : JSON.parse(raw);
    } catch (error) {
      throw requestErrorFromBody(template, success, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const checked = await checkResponse(template.response, value);
  if (!checked.ok) throw requestErrorFromBody(template, success, `does not match the expected shape: ${checked.problem}`);
  return checked.value;
}

/**
 * One way to call request templates, whatever the platform version and wherever the code runs.
 *
 * Retries are the platform's: each template's maxAttempts/retryDelay go to the platform (requests.json on 2.3,
 * the call's options on 2.1), and this wrapper sends every call exactly once. Retrying here as well would multiply
 * attempts (5 x 5), and the serverless sandbox has no timers to wait between attempts anyway.
 */
export function createRequester<const T extends readonly AnyRequestTemplate[]>(options: RequesterOptions<T>): Requester<T[number]> {
  const { api, platformVersion } = options;
  const templates = new Map<string, AnyRequestTemplate>();
  for (const template of options.templates) {
    if (templates.has(template.name)) throw new RequestTemplateError(template.name, 'name', 'is given to the requester twice');
    templates.set(template.name, template);
  }
  const limiter = options.limiter === undefined ? (hasTimers() ? createRateLimiter() : undefined) : options.limiter || undefined;
  const schedule = <R>(task: () => Promise<R>): Promise<R> => (limiter ? limiter.schedule(task) : task());

  async function callWithResponse(name: string, input?: CallInput): Promise<CallResult<unknown>> {
    const template = templates.get(name);
    if (!template) throw new RequestTemplateError(name, 'name', `is not one of this requester's templates (${[...templates.keys()].join(', ')})`);
    const call = prepareCall(template.name, template.compiled, input);
    let send: () => Promise<RequestSuccess>;
    if (platformVersion === '2.3') {
      const hasQuery = Object.keys(call.query).length > 0;
      const invocation = { context: { ...call.context }, ...(call.body !== undefined && { body: call.body }), ...(hasQuery && { query: { ...call.query } }) };
      send = () => api.invokeTemplate(template.name, invocation);
    } else {
      const request = toFreeFormRequest(template, call);
      send = () => api[request.method](request.url, request.options);
    }
    let success: RequestSuccess;
    try {
      success = await schedule(send);
    } catch (reason) {
      throw requestErrorFromRejection(template, reason);
    }
    const data = await decode(template, success);
    return { data, status: success.status, headers: success.headers, attempts: success.attempts ?? 1 };
  }

  // The typed facade over one untyped implementation: a template's response schema fixes what `data` is.
  return {
    call: async (name, input) => (await callWithResponse(name, input)).data,
    callWithResponse,
  } as Requester<T[number]>;
}
