import type { ProductName } from '@callbridge/core';
import { Router } from '../../http/router';
import type { CrmStore } from '../store';
import { apiKeyOf } from './auth';
import { crmError, loginFailed } from './errors';
import { CrmFaults } from './faults';
import { registerLookup } from './lookup';
import { registerNotes } from './notes';
import { registerPhoneCalls } from './phone-calls';
import type { PhoneMatchMode } from './phone-match';
import { FixedWindowLimiter, type RateLimitSettings } from './rate-limit';
import { registerRecordRoutes } from './record-routes';
import { contacts, leads } from './resources/people';
import { deals } from './resources/deals';
import { salesAccounts } from './resources/sales-accounts';
import type { ApiScope } from './scope';
import { registerSearch } from './search';
import { registerSelectors } from './selectors';

/** The highest plan's hourly limit per account (Enterprise / Forest), so ordinary sessions never meet it. */
export const DEFAULT_CRM_RATE_LIMIT: RateLimitSettings = { limit: 5000, windowMs: 60 * 60 * 1000 };

export interface CrmApiOptions {
  store: CrmStore;
  product: ProductName;
  /** Emulated time in epoch milliseconds; the rate-limit window follows it. */
  nowMs?: () => number;
  rateLimit?: RateLimitSettings;
  phoneMatch?: PhoneMatchMode;
  log?: (line: string) => void;
}

export interface CrmApi {
  /** Answers a request for the product's domain, e.g. `https://acme.myfreshworks.com/crm/sales/api/contacts/101`. */
  readonly handle: (request: Request) => Promise<Response>;
  readonly limiter: FixedWindowLimiter;
  /** Injected outages (`/_emulator/crm/faults`). */
  readonly faults: CrmFaults;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One product's REST API: auth, the account's rate limit, then the routes under the product's API base path. */
export function createCrmApi(options: CrmApiOptions): CrmApi {
  const { store, product } = options;
  const nowMs = options.nowMs ?? Date.now;
  const account = store.account(product);
  const basePath = new URL(account.apiBase).pathname.replace(/\/$/, '');
  const scope: ApiScope = { store, product, userId: store.users[0]!.id, phoneMatch: options.phoneMatch ?? 'digits', now: () => new Date(nowMs()) };
  const limiter = new FixedWindowLimiter(options.rateLimit ?? DEFAULT_CRM_RATE_LIMIT, nowMs);
  const faults = new CrmFaults();

  const router = new Router();
  registerRecordRoutes(router, contacts, scope);
  if (product === 'freshsales') registerRecordRoutes(router, leads, scope);
  registerRecordRoutes(router, deals, scope);
  registerRecordRoutes(router, salesAccounts, scope);
  registerLookup(router, scope);
  registerSearch(router, scope);
  registerPhoneCalls(router, scope);
  registerNotes(router, scope);
  registerSelectors(router, scope);
  for (const method of METHODS) {
    router.on(method, '/*rest', (request) => crmError(404, `No such route: ${request.method} ${basePath}${new URL(request.url).pathname}`));
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return crmError(404, `No such route: ${request.method} ${url.pathname}`);
    const fault = faults.take();
    if (fault) {
      options.log?.(`crm api: ${request.method} ${url.pathname} answered ${fault.status} (injected fault)`);
      return fault;
    }
    if (apiKeyOf(request) !== account.apiKey) return loginFailed();
    const decision = limiter.take();
    if (!decision.allowed) {
      const retryAfter = Math.max(1, Math.ceil((decision.resetAtMs - nowMs()) / 1000));
      return crmError(429, `You have exceeded the limit of ${decision.limit} API requests for this account. Retry after ${retryAfter} seconds.`, {
        'retry-after': String(retryAfter),
      });
    }
    const inner = new URL(`${url.pathname.slice(basePath.length) || '/'}${url.search}`, url.origin);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const forwarded = new Request(inner, { method: request.method, headers: request.headers, ...(hasBody ? { body: await request.arrayBuffer() } : {}) });
    try {
      return await router.handle(forwarded);
    } catch (error) {
      options.log?.(`crm api: ${request.method} ${url.pathname} failed: ${(error as Error).stack ?? String(error)}`);
      return crmError(500, 'Something went wrong in the emulated CRM; see the emulator log.');
    }
  }

  return { handle, limiter, faults };
}
