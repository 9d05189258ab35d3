import { check, type OutputOf, type Schema } from '../schema/standard';
import { isRetryableStatus } from './request-limits';

/** APP and PLATFORM come from the platform's rejection; NETWORK when no HTTP status came back; PARSE for bodies we could not read. */
export type RequestErrorSource = 'APP' | 'PLATFORM' | 'NETWORK' | 'PARSE';

export interface RequestErrorDetails {
  templateName: string;
  /** The template's host, substitutions shown as `{iparam.x}`. */
  host: string;
  /** The HTTP status; 0 when none came back. */
  status: number;
  errorSource: RequestErrorSource;
  attempts: number;
  /** The body the service or platform answered with, for logs; not shown to people. */
  response?: string | undefined;
  headers?: Record<string, string> | undefined;
}

/** The one error a request template call rejects with; its message says what failed and what to do about it. */
export class RequestError extends Error {
  override name = 'RequestError';
  readonly templateName: string;
  readonly host: string;
  readonly status: number;
  readonly errorSource: RequestErrorSource;
  readonly attempts: number;
  readonly response: string | undefined;
  readonly headers: Record<string, string>;

  constructor(message: string, details: RequestErrorDetails) {
    super(message);
    this.templateName = details.templateName;
    this.host = details.host;
    this.status = details.status;
    this.errorSource = details.errorSource;
    this.attempts = details.attempts;
    this.response = details.response;
    this.headers = details.headers ?? {};
  }

  /** Whether trying again later may help, e.g. to offer a retry button. */
  get retryable(): boolean {
    return this.errorSource !== 'PARSE' && isRetryableStatus(this.status);
  }
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function defaultHint(status: number): string {
  if (status === 0) return 'check the network connection, then try again';
  if (status === 400) return 'the service or the platform refused the request (e.g. a template missing from the manifest); see error.response';
  if (status === 401) return 'check the credentials in the installation settings';
  if (status === 403) return 'the credentials in the installation settings lack permission for this';
  if (status === 404) return 'the record or endpoint does not exist; it may have been deleted';
  if (status === 408 || status === 504) return 'the service did not answer in time; try again';
  if (status === 429) return 'too many requests; wait a minute and try again';
  if (status >= 500) return 'the service is failing; try again in a few minutes';
  return 'see error.response for the details';
}

export interface ErrorTemplate {
  name: string;
  schema: { host: string };
  hints: Readonly<Record<number, string>>;
}

/** `<%= iparam.domain %>.myfreshworks.com` reads as `{iparam.domain}.myfreshworks.com` in messages. */
export function hostLabel(host: string): string {
  return host.replace(/<%=\s*([\s\S]*?)\s*%>/g, '{$1}');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function textOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function stringHeaders(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

function sourceOf(status: number, declared: unknown): RequestErrorSource {
  if (status === 0) return 'NETWORK';
  if (declared === 'APP' || declared === 'PLATFORM') return declared;
  return status >= 500 ? 'PLATFORM' : 'APP';
}

/** Wraps what `request.*` / `invokeTemplate` rejected with (the platform's `{status, headers, response, attempts, errorSource}`, or a thrown Error). */
export function requestErrorFromRejection(template: ErrorTemplate, reason: unknown): RequestError {
  const record = isRecord(reason) ? reason : {};
  const status = typeof record.status === 'number' && record.status > 0 ? record.status : 0;
  const attempts = typeof record.attempts === 'number' && record.attempts >= 0 ? record.attempts : 1;
  const errorSource = sourceOf(status, record.errorSource);
  const host = hostLabel(template.schema.host);
  const hint = template.hints[status] ?? defaultHint(status);
  const tried = attempts > 1 ? ` after ${attempts} attempts` : '';
  const what = status === 0 ? `no response from ${host}` : `${status} ${STATUS_TEXT[status] ?? 'Error'} from ${host}`;
  const response = textOf(record.response) ?? (reason instanceof Error ? reason.message : undefined);
  return new RequestError(`${template.name}: ${what}${tried} — ${hint}`, {
    templateName: template.name,
    host,
    status,
    errorSource,
    attempts,
    response,
    headers: stringHeaders(record.headers),
  });
}

/** A 2xx whose body is not what the template's response schema expects. */
export function requestErrorFromBody(
  template: ErrorTemplate,
  success: { status: number; headers: Record<string, string>; response: string; attempts?: number | undefined },
  problem: string,
): RequestError {
  const host = hostLabel(template.schema.host);
  return new RequestError(`${template.name}: the response from ${host} ${problem} — the service answered in a shape the app does not expect; the app may need an update`, {
    templateName: template.name,
    host,
    status: success.status,
    errorSource: 'PARSE',
    attempts: success.attempts ?? 1,
    response: success.response,
    headers: success.headers,
  });
}

/** A failed request's body read as JSON and checked against `schema`: undefined when it is empty, not JSON, or another shape. */
export function errorBody<S extends Schema>(error: RequestError, schema: S): OutputOf<S> | undefined {
  if (!error.response) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(error.response);
  } catch {
    return undefined;
  }
  const checked = check(schema, body);
  return checked.ok ? checked.value : undefined;
}
