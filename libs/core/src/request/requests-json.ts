import { allFields, checkReferences, compileTemplateSchema, type CompiledSchema, type RequestTemplateSchema } from './compile-template';
import { checkTemplateOptions, TEMPLATE_NAME, type AnyRequestTemplate, type RequestTemplateOptions } from './define-request-template';
import { REQUEST_LIMITS } from './request-limits';
import { RequestTemplateError } from './request-template-error';

/** One entry of `config/requests.json`. */
export interface RequestsJsonEntry {
  schema: {
    protocol: 'https';
    method: RequestTemplateSchema['method'];
    host: string;
    path: string;
    headers?: Record<string, string>;
    query?: Record<string, string>;
  };
  options?: RequestTemplateOptions;
}

export type RequestsJson = Record<string, RequestsJsonEntry>;

/** `product.<p>.requests` of a 2.3 manifest. */
export type ManifestRequests = Record<string, Record<string, never>>;

export interface RequestsJsonConfig {
  /** The app's secure iparams (e.g. `secureIparamNames(iparams)`), checked against every template. */
  secureIparams?: readonly string[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// Generated files must not change when definitions are merely reordered.
function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeysDeep(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, Json>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeysDeep(item)])) as T;
}

function checkTemplateSet(templates: readonly AnyRequestTemplate[]): void {
  if (templates.length > REQUEST_LIMITS.maxTemplates) {
    throw new RequestTemplateError('(all)', 'templates', `${templates.length} templates; the platform allows at most ${REQUEST_LIMITS.maxTemplates}`);
  }
  const seen = new Set<string>();
  for (const { name } of templates) {
    if (seen.has(name)) throw new RequestTemplateError(name, 'name', 'is defined twice');
    seen.add(name);
  }
}

/** The object to write as `config/requests.json`, keys sorted. */
export function toRequestsJson(templates: readonly AnyRequestTemplate[], config: RequestsJsonConfig = {}): RequestsJson {
  checkTemplateSet(templates);
  const json: RequestsJson = {};
  for (const template of templates) {
    if (config.secureIparams) {
      const secure = [...new Set([...template.secureIparams, ...config.secureIparams])];
      checkReferences(template.name, allFields(template.compiled), secure, template.options.isOAuth === true);
    }
    const { protocol, method, host, path, headers, query } = template.schema;
    const entry: RequestsJsonEntry = { schema: { protocol, method, host, path, ...(headers && { headers }), ...(query && { query }) } };
    if (Object.keys(template.options).length) entry.options = { ...template.options };
    json[template.name] = entry;
  }
  return sortKeysDeep(json);
}

/** The object to put under `product.<p>.requests` in the manifest, keys sorted. */
export function toManifestRequests(templates: readonly AnyRequestTemplate[]): ManifestRequests {
  checkTemplateSet(templates);
  return Object.fromEntries(templates.map((t) => t.name).sort().map((name) => [name, {}]));
}

/** A template as the platform knows it: only what `config/requests.json` says. */
export interface DeclaredTemplate {
  name: string;
  compiled: CompiledSchema;
  options: RequestTemplateOptions;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a `config/requests.json` object and checks it as the platform would. */
export function readRequestsJson(json: unknown, config: RequestsJsonConfig = {}): Map<string, DeclaredTemplate> {
  if (!isRecord(json)) throw new RequestTemplateError('(all)', 'config/requests.json', 'must be an object keyed by template name');
  const names = Object.keys(json);
  if (names.length > REQUEST_LIMITS.maxTemplates) {
    throw new RequestTemplateError('(all)', 'config/requests.json', `${names.length} templates; the platform allows at most ${REQUEST_LIMITS.maxTemplates}`);
  }
  const declared = new Map<string, DeclaredTemplate>();
  for (const [name, entry] of Object.entries(json)) {
    if (!TEMPLATE_NAME.test(name)) throw new RequestTemplateError(name, 'name', 'use letters, digits, "_" and "-" only');
    if (!isRecord(entry) || !isRecord(entry.schema)) throw new RequestTemplateError(name, 'schema', 'is missing');
    const options = checkTemplateOptions(name, isRecord(entry.options) ? entry.options : {});
    const compiled = compileTemplateSchema(name, entry.schema as unknown as RequestTemplateSchema, config.secureIparams ?? [], options.isOAuth === true);
    declared.set(name, { name, compiled, options });
  }
  return declared;
}
