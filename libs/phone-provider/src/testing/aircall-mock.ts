import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { aircallCall, type AircallCallJson } from './fixtures';

export interface AircallMockOptions {
  /** Basic credentials the mock accepts. */
  apiId?: string;
  apiToken?: string;
  /** What the next registered webhook's token is. */
  webhookToken?: string;
  users?: { id: number; name: string; email: string; available: boolean }[];
}

/** Every request answers this instead: an HTTP error, a timeout, or a dropped connection. */
export type AircallOutage = { status: number; body?: unknown; headers?: Record<string, string> } | { timeoutMs: number } | 'network';

export interface AircallMock {
  readonly handlers: HttpHandler[];
  readonly webhooks: Map<string, { webhook_id: string; url: string; events: string[]; custom_name: string; token: string }>;
  readonly calls: AircallCallJson[];
  readonly dials: { userId: number; to: string }[];
  /** Every request the mock saw, as `METHOD /path?query`. */
  readonly requests: string[];
  addCall(overrides?: Partial<AircallCallJson>): AircallCallJson;
  outage(outage: AircallOutage | undefined): void;
}

const BASE = 'https://api.aircall.io/v1';

function error(status: number, message: string, troubleshoot: string): Response {
  return HttpResponse.json({ error: message, troubleshoot }, { status });
}

/** An in-memory Aircall API at the HTTP boundary, for msw's setupServer: webhooks, calls, users, dial. */
export function createAircallMock(options: AircallMockOptions = {}): AircallMock {
  const expected = `Basic ${btoa(`${options.apiId ?? 'aircall-id'}:${options.apiToken ?? 'aircall-token'}`)}`;
  const users = options.users ?? [
    { id: 456001, name: 'Riya Rep', email: 'riya@acme.example', available: true },
    { id: 456002, name: 'Sam Supervisor', email: 'sam@acme.example', available: false },
  ];
  const webhooks: AircallMock['webhooks'] = new Map();
  const calls: AircallCallJson[] = [];
  const dials: AircallMock['dials'] = [];
  const requests: string[] = [];
  let current: AircallOutage | undefined;
  let webhookCount = 0;

  const guard = async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    if (current === 'network') return HttpResponse.error();
    if (current && 'timeoutMs' in current) {
      await delay(current.timeoutMs);
      return HttpResponse.json({});
    }
    if (current) return HttpResponse.json(current.body ?? { error: 'Outage' }, { status: current.status, headers: current.headers ?? {} });
    const auth = request.headers.get('authorization');
    if (!auth) return HttpResponse.json({ message: 'Unauthorized' }, { status: 401 });
    if (auth !== expected) return error(403, 'Forbidden', 'Invalid API ID or API token.');
    return undefined;
  };

  const listCalls = (url: URL, search: boolean): Response => {
    const from = Number(url.searchParams.get('from') ?? 0);
    const page = Number(url.searchParams.get('page') ?? 1);
    const perPage = Math.min(50, Number(url.searchParams.get('per_page') ?? 20));
    const phone = url.searchParams.get('phone_number');
    const digits = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '') : '');
    const kept = calls
      .filter((c) => c.started_at >= from && (!search || !phone || digits(c.raw_digits) === digits(phone)))
      .sort((a, b) => a.started_at - b.started_at || a.id - b.id);
    const items = kept.slice((page - 1) * perPage, page * perPage);
    const next = page * perPage < kept.length ? `${BASE}/calls?page=${page + 1}&per_page=${perPage}` : null;
    return HttpResponse.json({ calls: items, meta: { count: items.length, total: kept.length, current_page: page, per_page: perPage, next_page_link: next } });
  };

  const handlers = [
    http.post(`${BASE}/webhooks`, async ({ request }) => {
      const refused = await guard(request);
      if (refused) return refused;
      const body = (await request.json()) as { url?: string; events?: string[]; custom_name?: string };
      if (typeof body.url !== 'string' || !body.url.startsWith('https://')) return error(400, 'Invalid url', 'The url must use https.');
      webhookCount += 1;
      const webhook = {
        webhook_id: `00000000-0000-4000-8000-${String(webhookCount).padStart(12, '0')}`,
        url: body.url,
        events: body.events ?? [],
        custom_name: body.custom_name ?? 'Webhook',
        token: options.webhookToken ?? `token-${webhookCount}`,
      };
      webhooks.set(webhook.webhook_id, webhook);
      return HttpResponse.json({ webhook: { ...webhook, active: true, direct_link: `${BASE}/webhooks/${webhookCount}`, created_at: '2026-11-21T10:00:00.000Z' } }, { status: 201 });
    }),
    http.delete(`${BASE}/webhooks/:id`, async ({ request, params }) => {
      const refused = await guard(request);
      if (refused) return refused;
      return webhooks.delete(String(params.id)) ? new HttpResponse(null, { status: 204 }) : error(404, 'Not found', 'No such webhook.');
    }),
    http.get(`${BASE}/calls/search`, async ({ request }) => (await guard(request)) ?? listCalls(new URL(request.url), true)),
    http.get(`${BASE}/calls/:id`, async ({ request, params }) => {
      const refused = await guard(request);
      if (refused) return refused;
      const call = calls.find((c) => String(c.id) === params.id);
      return call ? HttpResponse.json({ call }) : error(404, 'Not found', `Call ${String(params.id)} does not exist.`);
    }),
    http.get(`${BASE}/calls`, async ({ request }) => (await guard(request)) ?? listCalls(new URL(request.url), false)),
    http.get(`${BASE}/users`, async ({ request }) => (await guard(request)) ?? HttpResponse.json({ users, meta: { count: users.length, total: users.length } })),
    http.post(`${BASE}/users/:id/dial`, async ({ request, params }) => {
      const refused = await guard(request);
      if (refused) return refused;
      const user = users.find((u) => String(u.id) === params.id);
      if (!user) return error(404, 'Not found', `User ${String(params.id)} does not exist.`);
      const { to } = (await request.json()) as { to?: string };
      if (typeof to !== 'string' || !/^\+\d{8,15}$/.test(to)) return error(400, 'Invalid number', '`to` must be in E.164.');
      if (!user.available) return error(405, 'User not available', `${user.name} is not available.`);
      dials.push({ userId: user.id, to });
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return {
    handlers,
    webhooks,
    calls,
    dials,
    requests,
    addCall(overrides = {}) {
      const call = aircallCall({ id: 5000 + calls.length, ...overrides });
      calls.push(call);
      return call;
    },
    outage(outage) {
      current = outage;
    },
  };
}
