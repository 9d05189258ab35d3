import { isPlainObject } from '../json';
import type { OutgoingRequest, SendOptions } from './dispatch';
import { appRefusal } from './request-error';
import { retryOptions } from './retry-options';
import { substitute, type SubstitutionScope } from './substitute';
import { isWhitelisted } from './whitelist';

export const FREE_FORM_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type FreeFormMethod = (typeof FREE_FORM_METHODS)[number];

export function isFreeFormMethod(value: unknown): value is FreeFormMethod {
  return typeof value === 'string' && (FREE_FORM_METHODS as readonly string[]).includes(value);
}

/** 2.3 and later refuse the free-form methods; FDK's own words. */
export function freeFormRetired(method: string): string {
  return `${method} is no longer supported in Request API, please refer https://developers.freshdesk.com/v2/docs/migration-overview/#latest_platform_version_migration for more details`;
}

export function supportsFreeForm(platformVersion: string | null): boolean {
  return platformVersion === null || Number.parseFloat(platformVersion) < 2.3;
}

/**
 * A 2.1/2.2 `request.get|post|...(url, options)` as the platform would send it: iparams substituted in the URL,
 * headers and body (secure ones only in headers), and the URL's domain checked against `whitelisted-domains`.
 */
export function renderFreeForm(
  method: FreeFormMethod,
  url: unknown,
  options: unknown,
  scope: SubstitutionScope,
  whitelistedDomains: readonly string[],
): { request: OutgoingRequest; send: SendOptions } {
  if (typeof url !== 'string' || url.trim() === '') throw appRefusal(400, 'The request URL must be a non-empty string');
  if (options !== undefined && options !== null && !isPlainObject(options)) throw appRefusal(400, 'The request options must be an object');
  const opts = options ?? {};
  const target = substitute(url, scope, 'url', 'url');
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    throw appRefusal(400, `Invalid URL: ${target}`);
  }
  if (!isWhitelisted(parsed, whitelistedDomains, scope)) throw appRefusal(400, 'This domain has not been whitelisted.');

  const headers: Record<string, string> = {};
  if (opts.headers !== undefined && opts.headers !== null) {
    if (!isPlainObject(opts.headers)) throw appRefusal(400, 'headers must be an object of name to value');
    for (const [name, value] of Object.entries(opts.headers)) headers[name] = substitute(String(value), scope, 'header', `header ${name}`);
  }
  let body: string | undefined;
  if (opts.json !== undefined) {
    body = substitute(JSON.stringify(opts.json), scope, 'body', 'json');
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  } else if (opts.body !== undefined && opts.body !== null) {
    if (typeof opts.body !== 'string') throw appRefusal(400, 'body must be a string; use JSON.stringify(...) or the json option');
    body = substitute(opts.body, scope, 'body', 'body');
  }
  return {
    request: { method: method.toUpperCase(), url: parsed, headers, ...(body !== undefined ? { body } : {}) },
    send: retryOptions(opts),
  };
}
