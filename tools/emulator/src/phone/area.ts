import type { Area } from '../context';
import { createAircallApi } from './aircall-api';
import { registerPhoneAutomation } from './automation';
import { AIRCALL_HOST } from './credentials';
import { PhoneSystem } from './phone-system';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The embedded phone system: Aircall's REST API on `api.aircall.io` (for the app, through the request proxy) and
 * under `/_aircall/v1/...` (for browsers and tests), plus the `/_emulator/phone/...` automation and simulator page.
 */
export const phoneArea: Area = (context) => {
  const system = new PhoneSystem({ nowMs: () => context.clock.nowMs(), log: (line) => context.log(line) });
  const api = createAircallApi(system, (line) => context.log(line));
  context.virtualHosts.set(AIRCALL_HOST, api);

  for (const method of METHODS) {
    context.router.on(method, '/_aircall/*rest', async (request, params) => {
      const target = new URL(`/${(params.rest ?? '').replace(/^\/+/, '')}${new URL(request.url).search}`, `https://${AIRCALL_HOST}`);
      const hasBody = method !== 'GET';
      return api(new Request(target, { method: request.method, headers: request.headers, ...(hasBody ? { body: await request.arrayBuffer() } : {}) }));
    });
  }
  registerPhoneAutomation(context.router, system);
  context.onClose(() => system.close());
};
