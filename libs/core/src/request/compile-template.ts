import { RequestTemplateError } from './request-template-error';
import { describeReference, parseTemplateString, referencesOf, type Segment } from './template-expression';

export const TEMPLATE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type TemplateMethod = (typeof TEMPLATE_METHODS)[number];

/** The `schema` of a request template, as `config/requests.json` holds it. */
export interface RequestTemplateSchema {
  /** Only https ships; the platform's default. */
  protocol?: 'https';
  method: TemplateMethod;
  /** A bare domain: no scheme, port or path. May hold non-secure iparams and context. */
  host: string;
  /** Starts with `/`; no query (use `query`). Defaults to `/`. */
  path?: string;
  /** The only place secure iparams and access_token may appear. */
  headers?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number>>;
}

export type FieldKind = 'host' | 'path' | 'header' | 'query';

export interface CompiledField {
  kind: FieldKind;
  /** Where the field sits in the definition, for messages: `schema.headers.Authorization`. */
  field: string;
  /** The header or query parameter name. */
  name: string;
  segments: readonly Segment[];
}

export interface CompiledSchema {
  protocol: 'https';
  method: TemplateMethod;
  host: CompiledField;
  path: CompiledField;
  headers: readonly CompiledField[];
  query: readonly CompiledField[];
}

const HOST_TEXT = /^[A-Za-z0-9.-]*$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function fail(template: string, field: string, problem: string, key?: string): never {
  throw new RequestTemplateError(template, field, problem, key);
}

function textOf(segments: readonly Segment[]): string[] {
  return segments.flatMap((segment) => (segment.kind === 'text' ? [segment.text] : []));
}

function compileField(template: string, kind: FieldKind, field: string, name: string, source: unknown): CompiledField {
  if (typeof source !== 'string') fail(template, field, `must be a string, not ${typeof source}`);
  const parsed = parseTemplateString(source);
  if (!parsed.ok) fail(template, field, parsed.problem);
  return { kind, field, name, segments: parsed.segments };
}

function checkHost(template: string, host: CompiledField): void {
  const where = host.field;
  if (!host.segments.length) fail(template, where, 'is empty; give the API domain, e.g. "api.aircall.io"');
  for (const text of textOf(host.segments)) {
    if (text.includes('://')) fail(template, where, `is a bare domain: drop the scheme from "${text}"`);
    if (text.includes('/')) fail(template, where, `is a bare domain: move the path in "${text}" to schema.path`);
    if (text.includes(':')) fail(template, where, `is a bare domain: ports are not allowed ("${text}")`);
    if (!HOST_TEXT.test(text)) fail(template, where, `is a bare domain: "${text}" holds characters a domain cannot`);
  }
  const literal = host.segments.length === 1 ? textOf(host.segments)[0] : undefined;
  if (literal !== undefined && IPV4.test(literal)) fail(template, where, `must be a domain name, not an IP address ("${literal}")`);
}

function checkPath(template: string, path: CompiledField): void {
  const first = path.segments[0];
  if (first?.kind !== 'text' || !first.text.startsWith('/')) fail(template, path.field, 'must start with "/"');
  for (const text of textOf(path.segments)) {
    if (/[?#]/.test(text)) fail(template, path.field, `holds "?" or "#"; put query parameters in schema.query`);
    if (/\s/.test(text)) fail(template, path.field, 'holds whitespace');
  }
}

/** Where each kind of substitution may go (the platform's rules for 2.3 templates). */
export function checkReferences(template: string, fields: readonly CompiledField[], secureIparams: readonly string[], isOAuth: boolean): void {
  for (const field of fields) {
    for (const ref of referencesOf(field.segments)) {
      const what = describeReference(ref);
      if (ref.source === 'access_token') {
        if (field.kind !== 'header') fail(template, field.field, 'access_token may only appear in headers', what);
        if (!isOAuth) fail(template, field.field, 'uses access_token, which the platform fills in only with options.isOAuth: true', what);
      } else if (ref.source === 'iparam' && field.kind !== 'header' && secureIparams.includes(ref.key)) {
        fail(template, field.field, `uses the secure iparam "${ref.key}"; secure iparams may only appear in headers, never in a URL`, what);
      }
    }
  }
}

/** Parses and checks a template's schema; throws a RequestTemplateError naming the field at fault. */
export function compileTemplateSchema(template: string, schema: RequestTemplateSchema, secureIparams: readonly string[], isOAuth: boolean): CompiledSchema {
  if (!(TEMPLATE_METHODS as readonly string[]).includes(schema.method)) {
    fail(template, 'schema.method', `"${String(schema.method)}" is not one of ${TEMPLATE_METHODS.join(', ')}`);
  }
  if (schema.protocol !== undefined && schema.protocol !== 'https') fail(template, 'schema.protocol', 'only "https" is allowed');
  const host = compileField(template, 'host', 'schema.host', 'host', schema.host);
  checkHost(template, host);
  const path = compileField(template, 'path', 'schema.path', 'path', schema.path ?? '/');
  checkPath(template, path);
  for (const key of ['headers', 'query'] as const) {
    const value: unknown = schema[key];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) fail(template, `schema.${key}`, 'must be an object of names to values');
  }
  const headers = Object.entries(schema.headers ?? {}).map(([name, value]) => {
    if (!HEADER_NAME.test(name)) fail(template, `schema.headers["${name}"]`, 'is not a valid header name (no substitutions in names)');
    return compileField(template, 'header', `schema.headers.${name}`, name, value);
  });
  const query = Object.entries(schema.query ?? {}).map(([name, value]) => {
    if (!name || name.includes('<%')) fail(template, `schema.query["${name}"]`, 'query parameter names are plain, non-empty text');
    return compileField(template, 'query', `schema.query.${name}`, name, typeof value === 'number' ? String(value) : value);
  });
  const compiled: CompiledSchema = { protocol: 'https', method: schema.method, host, path, headers, query };
  checkReferences(template, allFields(compiled), secureIparams, isOAuth);
  return compiled;
}

export function allFields(schema: CompiledSchema): CompiledField[] {
  return [schema.host, schema.path, ...schema.headers, ...schema.query];
}
