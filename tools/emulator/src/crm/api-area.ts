import { PRODUCTS, type ProductName } from '@callbridge/core';
import type { Area } from '../context';
import { createCrmApi, type CrmApi } from './api/crm-api';
import { registerCrmFaults } from './faults-routes';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The embedded CRM: each product's REST API answers on its emulated domain (for the app's requests, through the
 * request proxy) and under `/_crm/<product>/...` on the emulator's own server (for browsers and tests), where
 * `/_crm/<product>` stands for the product's API base (`.../crm/sales/api` or `.../api`). `/_emulator/crm/faults`
 * makes either API fail on purpose.
 */
export const crmApiArea: Area = (context) => {
  const apis = new Map<ProductName, CrmApi>();
  for (const product of PRODUCTS) {
    const account = context.store.account(product);
    const api = createCrmApi({ store: context.store, product, nowMs: () => context.clock.nowMs(), log: (line) => context.log(line) });
    apis.set(product, api);
    context.virtualHosts.set(account.domain, api.handle);

    const base = new URL(account.apiBase);
    for (const method of METHODS) {
      context.router.on(method, `/_crm/${product}/*rest`, async (request, params) => {
        const rest = (params.rest ?? '').replace(/^\/+/, '');
        const relative = `/${rest}`.startsWith(`${base.pathname}/`) ? `/${rest}`.slice(base.pathname.length) : `/${rest}`;
        const target = new URL(`${base.pathname}${relative === '/' ? '' : relative}${new URL(request.url).search}`, base.origin);
        const hasBody = method !== 'GET';
        return api.handle(new Request(target, { method: request.method, headers: request.headers, ...(hasBody ? { body: await request.arrayBuffer() } : {}) }));
      });
    }
  }
  registerCrmFaults(context.router, apis);
};
