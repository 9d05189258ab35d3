import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPlainObject, type JsonRecord } from '../json';
import type { OutgoingRequest, SendOptions } from './dispatch';
import { appRefusal } from './request-error';
import { retryOptions } from './retry-options';
import { hasSubstitution, substitute, type SubstitutionScope } from './substitute';

/** Content types a template may send (FDK's list). */
const CONTENT_TYPES = ['application/json', 'application/xml', 'text/html', 'text/xml', 'application/jsonp', 'text/plain', 'application/javascript', 'application/vnd.api+json'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Stands in for an OAuth token: the emulator runs no OAuth flow. */
export const EMULATED_ACCESS_TOKEN = 'emulator-oauth-access-token';

/** `config/requests.json`, read at each call so edits apply without a restart. */
export async function readRequestTemplates(appDir: string): Promise<JsonRecord> {
  let text: string;
  try {
    text = await readFile(join(appDir, 'config/requests.json'), 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return isPlainObject(parsed) ? parsed : {};
  } catch (error) {
    throw appRefusal(400, `config/requests.json is not valid JSON (${(error as Error).message})`);
  }
}

const invalid = (message: string, instancePath: string) => appRefusal(400, 'runtime validation failed.', [{ message, instancePath }]);

function stringRecord(value: unknown, what: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw appRefusal(400, `${what} must be an object`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

/**
 * A 2.3 `invokeTemplate(name, {context, body, query})` as the platform would send it: the template must be in
 * config/requests.json and declared under the product's `requests` in the manifest.
 */
export function renderTemplate(
  templates: JsonRecord,
  declared: readonly string[],
  name: unknown,
  callOptions: unknown,
  scope: SubstitutionScope,
): { request: OutgoingRequest; send: SendOptions } {
  const template = typeof name === 'string' ? templates[name] : undefined;
  if (typeof name !== 'string' || !isPlainObject(template)) throw appRefusal(400, 'Request template not found');
  if (!declared.includes(name)) throw appRefusal(400, `Request template '${name}' is not defined in manifest.json`);
  const schema = isPlainObject(template.schema) ? template.schema : {};
  const options = isPlainObject(template.options) ? template.options : {};
  if (callOptions !== undefined && callOptions !== null && !isPlainObject(callOptions)) throw appRefusal(400, 'invokeTemplate options must be an object');
  const call = callOptions ?? {};
  if (call.context !== undefined && !isPlainObject(call.context)) throw appRefusal(400, 'context must be an object');
  const withContext: SubstitutionScope = { ...scope, context: call.context ?? {}, ...(options.isOAuth === true ? { accessToken: EMULATED_ACCESS_TOKEN } : {}) };

  const method = typeof schema.method === 'string' ? schema.method.toUpperCase() : '';
  if (!METHODS.includes(method)) throw invalid(`must be one of ${METHODS.join(', ')}`, '/schema/method');
  if (typeof schema.host !== 'string' || schema.host.trim() === '') throw invalid('must not be empty', '/schema/host');
  const host = substitute(schema.host, withContext, 'host', `template ${name} host`).trim();
  if (host === '') throw invalid('must not be empty', '/schema/host');
  if (/[/?#]/.test(host) || /^[a-z]+:/i.test(host)) throw invalid(`must not have path: ${host}`, '/schema/host');
  const path = typeof schema.path === 'string' ? substitute(schema.path, withContext, 'path', `template ${name} path`) : '/';
  if (!path.startsWith('/')) throw invalid("must start with '/'", '/schema/path');
  const protocol = typeof schema.protocol === 'string' ? schema.protocol.replace(/:$/, '') : 'https';

  const headers = Object.fromEntries(
    Object.entries(stringRecord(schema.headers, `template ${name} headers`)).map(([k, v]) => [k, substitute(v, withContext, 'header', `template ${name} header ${k}`)]),
  );
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  if (contentType && !CONTENT_TYPES.includes(contentType.split(';')[0]!.trim().toLowerCase())) throw appRefusal(415, 'Unsupported content type');

  const query = Object.fromEntries(
    Object.entries(stringRecord(schema.query, `template ${name} query`)).map(([k, v]) => [k, substitute(v, withContext, 'query', `template ${name} query ${k}`)]),
  );
  for (const [k, v] of Object.entries(stringRecord(call.query, 'query'))) {
    if (hasSubstitution(v)) throw appRefusal(400, `query ${k}: substitution markers are not allowed in values the caller passes`);
    query[k] = v;
  }
  if (call.body !== undefined && call.body !== null && typeof call.body !== 'string') throw appRefusal(400, 'body must be a string; use JSON.stringify(...)');

  let url: URL;
  try {
    url = new URL(`${protocol}://${host}${path}`);
  } catch {
    throw invalid(`${protocol}://${host}${path} is not a URL`, '/schema/host');
  }
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return {
    request: { method, url, headers, ...(typeof call.body === 'string' ? { body: call.body } : {}) },
    send: retryOptions(options),
  };
}
