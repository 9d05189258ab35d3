import type { ClientRequest, RequestApi } from '../../platform/client';
import { createInvoke, unconfiguredRequest, type ServerMethodSettings } from './server-methods';

/**
 * `client.request`: HTTP methods from the injected request fake (or 501 without one), `invoke` from the SMI handlers
 * registered with `platform.onInvoke`, falling back to the injected fake's own `invoke`.
 */
export function createRequestApi(injected: RequestApi | ClientRequest | undefined, settings: Omit<ServerMethodSettings, 'fallback'>): ClientRequest {
  const http: RequestApi = injected ?? unconfiguredRequest();
  return {
    get: (url, options) => http.get(url, options),
    post: (url, options) => http.post(url, options),
    put: (url, options) => http.put(url, options),
    patch: (url, options) => http.patch(url, options),
    delete: (url, options) => http.delete(url, options),
    invokeTemplate: (name, options) => http.invokeTemplate(name, options),
    invoke: createInvoke({
      ...settings,
      fallback: injected && 'invoke' in injected ? (name, payload) => injected.invoke(name, payload) : undefined,
    }),
  };
}
