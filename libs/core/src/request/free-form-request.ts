import type { FreeFormRequestOptions, HttpMethod } from '../platform/client';
import type { PreparedCall } from './call-input';
import type { AnyRequestTemplate } from './define-request-template';
import { renderRequest } from './render-request';

/** A template turned into a 2.1/2.2 `request.<method>(url, options)` call. */
export interface FreeFormRequest {
  method: HttpMethod;
  url: string;
  options: FreeFormRequestOptions;
}

/**
 * Context is substituted here; iparam and access_token substitutions are left in the URL and headers for the
 * platform, which fills them in server-side exactly as it renders a 2.3 template, so secrets never reach the app.
 */
export function toFreeFormRequest(template: AnyRequestTemplate, call: PreparedCall): FreeFormRequest {
  const rendered = renderRequest(template.name, template.compiled, call, { kind: 'platform' });
  const { maxAttempts, retryDelay, isOAuth } = template.options;
  const options: FreeFormRequestOptions = {};
  if (Object.keys(rendered.headers).length) options.headers = rendered.headers;
  if (call.body !== undefined) options.body = call.body;
  if (maxAttempts !== undefined) options.maxAttempts = maxAttempts;
  if (retryDelay !== undefined) options.retryDelay = retryDelay;
  if (isOAuth !== undefined) options.isOAuth = isOAuth;
  return { method: rendered.method.toLowerCase() as HttpMethod, url: rendered.url, options };
}
