import type { ProductName } from '@callbridge/core';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';

/** A record as the mock stores it. */
export type CrmRecord = Record<string, unknown> & { id: number };

export interface CrmMockOptions {
  product?: ProductName;
  /** The account's domain; `acme.myfreshworks.com` or `acme.freshsales.io` by default. */
  domain?: string;
  apiKey?: string;
  /** Starting ids, to tell records apart in assertions. */
  firstId?: number;
}

/** Requests matching `when` (all by default) answer this instead: an HTTP error, a timeout, or a dropped connection. */
export type CrmOutage = { status: number; body?: unknown; headers?: Record<string, string> } | { timeoutMs: number } | 'network';

export interface CrmMock {
  readonly handlers: HttpHandler[];
  readonly domain: string;
  /** `https://<domain>/crm/sales/api` or `https://<domain>/api`. */
  readonly base: string;
  readonly contacts: CrmRecord[];
  readonly leads: CrmRecord[];
  readonly deals: CrmRecord[];
  readonly salesAccounts: CrmRecord[];
  readonly phoneCalls: CrmRecord[];
  /** Every request the mock saw, as `METHOD /path?query` relative to the API base. */
  readonly requests: string[];
  /** Bodies of the POSTs, in order. */
  readonly posted: { path: string; body: unknown }[];
  add(table: 'contacts' | 'leads' | 'deals' | 'salesAccounts', fields: Record<string, unknown>): CrmRecord;
  outage(outage: CrmOutage | undefined, when?: (method: string, path: string) => boolean): void;
}

export const DEAL_STAGES = [
  { id: 711, name: 'New', forecast_type: 'Open' },
  { id: 712, name: 'Negotiation', forecast_type: 'Open' },
  { id: 715, name: 'Won', forecast_type: 'Won' },
  { id: 716, name: 'Lost', forecast_type: 'Lost' },
];

export const CALL_OUTCOME_IDS: Readonly<Record<string, number>> = { Connected: 801, 'No answer': 802, Busy: 803, 'Left voicemail': 804, 'Wrong number': 805 };

const digits = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '') : '');

function crmError(status: number, message: string): Response {
  return HttpResponse.json({ errors: { code: status, message: [message] } }, { status });
}

/**
 * Freshworks CRM or Freshsales at the HTTP boundary, in memory, for msw's setupServer: lookup (comparing digits, as
 * the emulator does by default), contacts, leads (Freshsales only), deals, accounts, phone calls, selectors.
 */
export function createCrmMock(options: CrmMockOptions = {}): CrmMock {
  const product = options.product ?? 'freshworks_crm';
  const domain = options.domain ?? (product === 'freshsales' ? 'acme.freshsales.io' : 'acme.myfreshworks.com');
  const base = `https://${domain}${product === 'freshsales' ? '/api' : '/crm/sales/api'}`;
  const apiKey = options.apiKey ?? 'crm-key';
  let nextId = options.firstId ?? 100;
  let clock = 0;
  const tables = { contacts: [] as CrmRecord[], leads: [] as CrmRecord[], deals: [] as CrmRecord[], salesAccounts: [] as CrmRecord[], phoneCalls: [] as CrmRecord[] };
  const requests: string[] = [];
  const posted: CrmMock['posted'] = [];
  let current: { outage: CrmOutage; when: (method: string, path: string) => boolean } | undefined;

  // Now, or a second after the last stamp, so records keep their order.
  const stamp = () => new Date((clock = Math.max(clock + 1000, Date.now()))).toISOString();
  const add = (table: keyof typeof tables, fields: Record<string, unknown>): CrmRecord => {
    const record: CrmRecord = { id: (nextId += 1), created_at: stamp(), ...fields };
    tables[table].push(record);
    return record;
  };

  const guard = async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url);
    const path = url.pathname.slice(new URL(base).pathname.length);
    requests.push(`${request.method} ${path}${url.search}`);
    if (current?.when(request.method, path)) {
      const { outage } = current;
      if (outage === 'network') return HttpResponse.error();
      if ('timeoutMs' in outage) {
        await delay(outage.timeoutMs);
        return HttpResponse.json({});
      }
      return HttpResponse.json(outage.body ?? { errors: { code: outage.status, message: ['Outage'] } }, { status: outage.status, headers: outage.headers ?? {} });
    }
    const key = /^Token token="?([^"\s]+)"?$/.exec(request.headers.get('authorization') ?? '')?.[1];
    if (key !== apiKey) return HttpResponse.json({ login: 'failed', message: 'Incorrect or expired API key' }, { status: 401 });
    return undefined;
  };

  const route = (method: 'get' | 'post', path: string, answer: (request: Request, params: Record<string, string>) => Response | Promise<Response>) =>
    http[method](`${base}${path}`, async ({ request, params }) => (await guard(request)) ?? answer(request, params as Record<string, string>));

  const body = async (request: Request, key: string): Promise<Record<string, unknown>> => {
    const json = (await request.json()) as Record<string, unknown>;
    posted.push({ path: new URL(request.url).pathname.slice(new URL(base).pathname.length), body: json });
    return (json[key] ?? json) as Record<string, unknown>;
  };

  const createPerson = (table: 'contacts' | 'leads', singular: string) => async (request: Request) => {
    const fields = await body(request, singular);
    if (!fields.mobile_number && !fields.email) return crmError(422, 'Email or mobile number is required.');
    const display = [fields.first_name, fields.last_name].filter(Boolean).join(' ');
    return HttpResponse.json({ [singular]: add(table, { first_name: null, work_number: null, display_name: display, ...fields }) });
  };

  const byId = (table: CrmRecord[], id: string | undefined) => table.find((r) => String(r.id) === id);
  const callResponse = (call: CrmRecord) => HttpResponse.json({ phone_call: call, notes: [], outcomes: [] });

  const handlers: HttpHandler[] = [
    route('get', '/lookup', (request) => {
      const url = new URL(request.url);
      const q = digits(url.searchParams.get('q'));
      const f = url.searchParams.get('f') ?? '';
      const entities = (url.searchParams.get('entities') ?? 'contact').split(',');
      const match = (r: CrmRecord) => q !== '' && digits(r[f]) === q;
      return HttpResponse.json({
        ...(entities.includes('contact') && { contacts: { contacts: tables.contacts.filter(match) } }),
        ...(entities.includes('lead') && product === 'freshsales' && { leads: { leads: tables.leads.filter(match) } }),
      });
    }),
    route('post', '/contacts', createPerson('contacts', 'contact')),
    route('post', '/leads', (request) => (product === 'freshsales' ? createPerson('leads', 'lead')(request) : crmError(404, 'No route'))),
    route('get', '/contacts/:id', (_request, { id }) => {
      const contact = byId(tables.contacts, id);
      if (!contact) return crmError(404, `Contact ${id} does not exist`);
      return HttpResponse.json({ contact, deals: tables.deals.filter((d) => Array.isArray(d.contact_ids) && d.contact_ids.includes(contact.id)) });
    }),
    route('get', '/deals/:id', (_request, { id }) => {
      const deal = byId(tables.deals, id);
      if (!deal) return crmError(404, `Deal ${id} does not exist`);
      const ids = Array.isArray(deal.contact_ids) ? deal.contact_ids : [];
      return HttpResponse.json({ deal, contacts: tables.contacts.filter((c) => ids.includes(c.id)) });
    }),
    route('get', '/sales_accounts/:id', (_request, { id }) => {
      const account = byId(tables.salesAccounts, id);
      if (!account) return crmError(404, `Sales account ${id} does not exist`);
      return HttpResponse.json({ sales_account: account, contacts: tables.contacts.filter((c) => c.sales_account_id === account.id) });
    }),
    route('post', '/phone_calls', async (request) => {
      const fields = await body(request, 'phone_call');
      const type = typeof fields.targetable_type === 'string' ? fields.targetable_type : '';
      const targetId = (fields.targetable as { id?: number } | undefined)?.id;
      const table = { Contact: tables.contacts, Lead: tables.leads, Deal: tables.deals, SalesAccount: tables.salesAccounts }[type];
      if (!table || (type === 'Lead' && product !== 'freshsales')) return crmError(422, `targetable_type ${type} is not allowed.`);
      if (!byId(table, String(targetId))) return crmError(422, `${type} ${String(targetId)} does not exist.`);
      const outcome = Object.entries(CALL_OUTCOME_IDS).find(([, outcomeId]) => outcomeId === fields.outcome_id)?.[0] ?? null;
      const { targetable: _targetable, ...rest } = fields;
      return callResponse(add('phoneCalls', { ...rest, targetable_id: targetId, outcome }));
    }),
    route('get', '/phone_calls/:id', (_request, { id }) => {
      const call = byId(tables.phoneCalls, id);
      return call ? callResponse(call) : crmError(404, `Phone call ${id} does not exist`);
    }),
    route('get', '/phone_calls', (request) => {
      const url = new URL(request.url);
      const type = url.searchParams.get('targetable_type');
      const target = url.searchParams.get('targetable_id');
      const calls = tables.phoneCalls.filter((c) => c.targetable_type === type && String(c.targetable_id) === target).reverse();
      return HttpResponse.json({ phone_calls: calls.slice(0, Number(url.searchParams.get('per_page') ?? 25)), meta: { total: calls.length } });
    }),
    route('get', '/selector/deal_stages', () => HttpResponse.json({ deal_stages: DEAL_STAGES })),
    route('get', '/selector/sales_activity_types', () =>
      HttpResponse.json({ sales_activity_types: [{ id: 901, name: 'Phone', internal_name: 'cphone' }, { id: 902, name: 'Meeting', internal_name: 'cmeeting' }] }),
    ),
    route('get', '/selector/sales_activity_types/:id/sales_activity_outcomes', (_request, { id }) =>
      HttpResponse.json({ sales_activity_outcomes: id === '901' ? Object.entries(CALL_OUTCOME_IDS).map(([name, outcomeId]) => ({ id: outcomeId, name })) : [] }),
    ),
  ];

  return {
    handlers,
    domain,
    base,
    contacts: tables.contacts,
    leads: tables.leads,
    deals: tables.deals,
    salesAccounts: tables.salesAccounts,
    phoneCalls: tables.phoneCalls,
    requests,
    posted,
    add,
    outage(outage, when = () => true) {
      current = outage ? { outage, when } : undefined;
    },
  };
}
