import { compileTemplateSchema, type CompiledSchema, type RequestTemplateSchema, type TemplateMethod } from './compile-template';
import { REQUEST_LIMITS } from './request-limits';
import { RequestTemplateError } from './request-template-error';
import { TEXT_RESPONSE, type ResponseOutput, type ResponseSchema } from './response-schema';

/** The `options` of a request template; the platform applies them, including its own retries. */
export interface RequestTemplateOptions {
  /** 1 to 5 attempts on network errors, 429 and 5xx. Above 1 only for idempotent calls: a retried POST may write twice. */
  maxAttempts?: number;
  /** 1 to 1500 ms between attempts. */
  retryDelay?: number;
  /** Lets headers use `<%= access_token %>` from the app's OAuth config. */
  isOAuth?: boolean;
}

export interface RequestTemplateDefinition<N extends string, S extends ResponseSchema | undefined> {
  /** Letters, digits, `_` and `-`: the key in `config/requests.json` and the manifest. */
  name: N;
  schema: RequestTemplateSchema;
  options?: RequestTemplateOptions;
  /** Validates the JSON body (a zod 4 schema, or any Standard Schema). Without it a call resolves to the raw string. */
  response?: S;
  /** iparams that are secure, so the definition fails if one would land in a URL. */
  secureIparams?: readonly string[];
  /** What a person should do when the call fails with a status: `{401: 'check the Aircall API token in the installation settings'}`. */
  hints?: Readonly<Record<number, string>>;
}

/** A checked request template: one definition from which requests.json, the manifest and both call paths derive. */
export interface RequestTemplate<N extends string = string, R = unknown> {
  readonly name: N;
  /** Normalised: protocol and path filled in, query values as strings. */
  readonly schema: Readonly<Required<Pick<RequestTemplateSchema, 'protocol' | 'method' | 'host' | 'path'>>> & {
    readonly headers?: Readonly<Record<string, string>>;
    readonly query?: Readonly<Record<string, string>>;
  };
  readonly options: Readonly<RequestTemplateOptions>;
  readonly response: ResponseSchema<R>;
  readonly responseFormat: 'json' | 'text';
  readonly hints: Readonly<Record<number, string>>;
  readonly secureIparams: readonly string[];
  readonly compiled: CompiledSchema;
}

export type AnyRequestTemplate = RequestTemplate<string, unknown>;
export type ResponseOf<T> = T extends RequestTemplate<string, infer R> ? R : never;
export type { TemplateMethod };

export const TEMPLATE_NAME = /^[A-Za-z0-9_-]+$/;
const IPARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SCHEMA_KEYS = ['protocol', 'method', 'host', 'path', 'headers', 'query'];
const OPTION_KEYS = ['maxAttempts', 'retryDelay', 'isOAuth'];

function isWholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Checks `options` as the platform would and returns them typed; shared with readRequestsJson so both agree. */
export function checkTemplateOptions(name: string, given: object): RequestTemplateOptions {
  const options: Readonly<Record<string, unknown>> = { ...given };
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) throw new RequestTemplateError(name, `options.${key}`, `is not a template option; use ${OPTION_KEYS.join(', ')}`);
  }
  const { maxAttempts, retryDelay, isOAuth } = options;
  if (maxAttempts !== undefined && !(typeof maxAttempts === 'number' && isWholeNumberIn(maxAttempts, 1, REQUEST_LIMITS.maxAttempts))) {
    throw new RequestTemplateError(name, 'options.maxAttempts', `${JSON.stringify(maxAttempts)} must be a whole number from 1 to ${REQUEST_LIMITS.maxAttempts}`);
  }
  if (retryDelay !== undefined && !(typeof retryDelay === 'number' && isWholeNumberIn(retryDelay, 1, REQUEST_LIMITS.maxRetryDelayMs))) {
    throw new RequestTemplateError(name, 'options.retryDelay', `${JSON.stringify(retryDelay)} must be whole milliseconds from 1 to ${REQUEST_LIMITS.maxRetryDelayMs}`);
  }
  if (isOAuth !== undefined && typeof isOAuth !== 'boolean') throw new RequestTemplateError(name, 'options.isOAuth', 'must be true or false');
  return {
    ...(maxAttempts !== undefined && { maxAttempts }),
    ...(retryDelay !== undefined && { retryDelay }),
    ...(isOAuth !== undefined && { isOAuth }),
  };
}

function checkDefinition(definition: RequestTemplateDefinition<string, ResponseSchema | undefined>): void {
  const { name } = definition;
  if (typeof name !== 'string' || !TEMPLATE_NAME.test(name)) {
    throw new RequestTemplateError(String(name), 'name', 'use letters, digits, "_" and "-" only (it is a key in config/requests.json)');
  }
  for (const key of Object.keys(definition.schema)) {
    if (key === 'body') throw new RequestTemplateError(name, 'schema.body', 'a template has no body; pass it when calling');
    if (!SCHEMA_KEYS.includes(key)) throw new RequestTemplateError(name, `schema.${key}`, `is not part of a template schema; use ${SCHEMA_KEYS.join(', ')}`);
  }
  checkTemplateOptions(name, definition.options ?? {});
  for (const iparam of definition.secureIparams ?? []) {
    if (!IPARAM_NAME.test(iparam)) throw new RequestTemplateError(name, 'secureIparams', `"${iparam}" is not an iparam name`);
  }
  for (const [status, hint] of Object.entries(definition.hints ?? {})) {
    if (!isWholeNumberIn(Number(status), 100, 599)) throw new RequestTemplateError(name, `hints.${status}`, 'hints are keyed by HTTP status, 100 to 599');
    if (!hint.trim()) throw new RequestTemplateError(name, `hints.${status}`, 'is empty');
  }
}

function stringValues(record: Readonly<Record<string, string | number>> | undefined): Record<string, string> | undefined {
  return record && Object.fromEntries(Object.entries(record).map(([key, value]) => [key, String(value)]));
}

/**
 * Defines a request template once, checked now rather than when the platform refuses the app:
 * ```ts
 * export const listCalls = defineRequestTemplate({
 *   name: 'aircallListCalls',
 *   schema: { method: 'GET', host: 'api.aircall.io', path: '/v1/calls',
 *             headers: { Authorization: "Basic <%= encode(iparam.aircall_id + ':' + iparam.aircall_token) %>" } },
 *   options: { maxAttempts: 3, retryDelay: 500 },
 *   secureIparams: ['aircall_token'],
 *   response: z.object({ calls: z.array(callSchema) }),
 *   hints: { 401: 'check the Aircall API token in the installation settings' },
 * });
 * ```
 */
export function defineRequestTemplate<const N extends string, S extends ResponseSchema | undefined = undefined>(
  definition: RequestTemplateDefinition<N, S>,
): RequestTemplate<N, ResponseOutput<S>> {
  checkDefinition(definition);
  const options = { ...definition.options };
  const secureIparams = [...(definition.secureIparams ?? [])];
  const compiled = compileTemplateSchema(definition.name, definition.schema, secureIparams, options.isOAuth === true);
  const { headers, query } = definition.schema;
  const template: RequestTemplate<N, unknown> = {
    name: definition.name,
    schema: {
      protocol: 'https',
      method: definition.schema.method,
      host: definition.schema.host,
      path: definition.schema.path ?? '/',
      ...(headers && { headers: { ...headers } }),
      ...(query && { query: stringValues(query) }),
    },
    options,
    response: definition.response ?? TEXT_RESPONSE,
    responseFormat: definition.response ? 'json' : 'text',
    hints: { ...definition.hints },
    secureIparams,
    compiled,
  };
  // The conditional output type cannot be followed through `??`; TEXT_RESPONSE is used exactly when S is undefined.
  return Object.freeze(template) as RequestTemplate<N, ResponseOutput<S>>;
}
