import type { CompiledField, CompiledSchema, TemplateMethod } from './compile-template';
import { renderForPlatform, renderFully, type RenderResult, type Resolve } from './render';
import { RequestTemplateError } from './request-template-error';
import { describeReference, type Reference } from './template-expression';
import type { ContextValue } from './call-input';

/** A template rendered into the parts of an HTTP request. */
export interface RenderedRequest {
  method: TemplateMethod;
  url: string;
  headers: Record<string, string>;
}

export type RenderMode =
  /** Context only; iparam and access_token substitutions stay for the platform (2.1/2.2 free-form calls). */
  | { kind: 'platform' }
  /** Everything, as the platform does before sending (2.3 templates; the fake uses this). */
  | { kind: 'full'; iparams: Readonly<Record<string, unknown>>; accessToken?: string | undefined };

function asText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

export function createResolver(context: Readonly<Record<string, ContextValue>>, mode: RenderMode): Resolve {
  return (ref: Reference) => {
    if (ref.source === 'context') return asText(context[ref.key]);
    if (mode.kind === 'platform') return undefined;
    return ref.source === 'iparam' ? asText(mode.iparams[ref.key]) : mode.accessToken;
  };
}

function failure(template: string, field: CompiledField, result: Extract<RenderResult, { ok: false }>): RequestTemplateError {
  const key = describeReference(result.ref);
  if (result.reason === 'unquotable') {
    return new RequestTemplateError(template, field.field, `${key} holds both ' and ", so it cannot be passed inside encode(...) for the platform`, key);
  }
  return new RequestTemplateError(template, field.field, `needs ${key}, which was not given`, key);
}

function renderField(template: string, field: CompiledField, resolve: Resolve, mode: RenderMode, escape?: (text: string) => string): string {
  const result = mode.kind === 'platform' ? renderForPlatform(field.segments, resolve, escape) : renderFully(field.segments, resolve);
  if (!result.ok) throw failure(template, field, result);
  return mode.kind === 'full' && escape ? escape(result.text) : result.text;
}

/**
 * Renders a template into method, URL and headers. Both call paths and the fake build URLs here, so the query's
 * order (by name, as the sorted requests.json lists it) and encoding cannot drift between them.
 */
export function renderRequest(
  template: string,
  compiled: CompiledSchema,
  call: { context: Readonly<Record<string, ContextValue>>; query: Readonly<Record<string, string>> },
  mode: RenderMode,
): RenderedRequest {
  const resolve = createResolver(call.context, mode);
  const host = renderField(template, compiled.host, resolve, mode);
  const path = renderField(template, compiled.path, resolve, mode);
  const headers = Object.fromEntries(compiled.headers.map((field) => [field.name, renderField(template, field, resolve, mode)]));
  const query = new Map<string, string>();
  for (const field of compiled.query) query.set(field.name, renderField(template, field, resolve, mode, encodeURIComponent));
  for (const [name, value] of Object.entries(call.query)) query.set(name, encodeURIComponent(value));
  const search = [...query.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${value}`)
    .join('&');
  return { method: compiled.method, url: `${compiled.protocol}://${host}${path}${search ? `?${search}` : ''}`, headers };
}
