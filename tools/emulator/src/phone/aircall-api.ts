import { z } from 'zod';
import { json, Router } from '../http/router';
import { checkBasicAuth } from './auth';
import type { AircallCall } from './call';
import { aircallError, notFound } from './errors';
import { numberJson, userJson } from './directory';
import { aircallPage } from './pagination';
import type { PhoneSystem } from './phone-system';
import { toE164 } from './raw-digits';
import { parseWebhookInput, MAX_WEBHOOKS, webhookJson } from './webhooks';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

async function readBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  try {
    return { ok: true, value: text.trim() === '' ? {} : (JSON.parse(text) as unknown) };
  } catch {
    return { ok: false, response: aircallError(400, 'Invalid JSON', 'Send a JSON body with Content-Type: application/json.') };
  }
}

type CallFilter = { ok: true; calls: AircallCall[] } | { ok: false; response: Response };

/** `from`/`to` (UNIX seconds, on the start time) and `order` (asc by default), shared by list and search. */
function filterByTime(calls: AircallCall[], query: URLSearchParams): CallFilter {
  const bound = (name: string) => {
    const raw = query.get(name);
    return raw === null ? undefined : /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  };
  const from = bound('from');
  const to = bound('to');
  if (Number.isNaN(from) || Number.isNaN(to)) return { ok: false, response: aircallError(400, 'Invalid parameter', '`from` and `to` must be UNIX timestamps in seconds.') };
  const order = query.get('order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') return { ok: false, response: aircallError(400, 'Invalid parameter', '`order` must be asc or desc.') };
  const sign = order === 'asc' ? 1 : -1;
  const kept = calls
    .filter((c) => (from === undefined || c.started_at >= from) && (to === undefined || c.started_at <= to))
    .sort((a, b) => sign * (a.started_at - b.started_at || a.id - b.id));
  return { ok: true, calls: kept };
}

function searchCalls(system: PhoneSystem, calls: AircallCall[], query: URLSearchParams): CallFilter {
  const phone = query.get('phone_number');
  const digits = phone === null ? undefined : toE164(phone);
  if (phone !== null && !digits) return { ok: false, response: aircallError(400, 'Invalid parameter', '`phone_number` must be a phone number in E.164, e.g. +14155550111.') };
  const direction = query.get('direction');
  if (direction !== null && direction !== 'inbound' && direction !== 'outbound') return { ok: false, response: aircallError(400, 'Invalid parameter', '`direction` must be inbound or outbound.') };
  const userId = query.get('user_id');
  const tags = [...query.getAll('tags[]'), ...query.getAll('tags')];
  const kept = calls.filter(
    (c) =>
      (digits === undefined || system.externalNumber(c.id) === digits) &&
      (direction === null || c.direction === direction) &&
      (userId === null || String(c.user?.id) === userId) &&
      tags.every((tag) => c.tags.some((t) => String(t.id) === tag || t.name === tag)),
  );
  return { ok: true, calls: kept };
}

function registerRoutes(router: Router, system: PhoneSystem): void {
  router.get('/v1/ping', () => json({ ping: 'pong' }));

  router.get('/v1/users', (request) => {
    const { items, meta } = aircallPage(system.users.map(userJson), new URL(request.url));
    return json({ users: items, meta });
  });
  router.get('/v1/users/:id', (_request, { id }) => {
    const user = system.users.find((u) => String(u.id) === id);
    return user ? json({ user: userJson(user) }) : notFound(`User ${id}`);
  });
  router.post('/v1/users/:id/dial', async (request, { id }) => {
    const user = system.users.find((u) => String(u.id) === id);
    if (!user) return notFound(`User ${id}`);
    const body = await readBody(request);
    if (!body.ok) return body.response;
    const parsed = z.object({ to: z.string() }).safeParse(body.value);
    const raw = parsed.success ? parsed.data.to : '';
    const to = /^\+?[\d\s\-().]+$/.test(raw) ? toE164(raw) : undefined;
    if (!to) return aircallError(400, 'Invalid number', '`to` must be the number to dial in E.164, e.g. +14155550111.');
    if (!user.available) return aircallError(405, 'User not available', `${user.name} is not available; the user must be online in the Aircall app to dial.`);
    const line = system.numbers.find((n) => user.numberIds.includes(n.id)) ?? system.numbers[0]!;
    system.startCall({ direction: 'outbound', external: to, number: line, user });
    return new Response(null, { status: 204 });
  });

  router.get('/v1/numbers', (request) => {
    const { items, meta } = aircallPage(system.numbers.map(numberJson), new URL(request.url));
    return json({ numbers: items, meta });
  });
  router.get('/v1/numbers/:id', (_request, { id }) => {
    const number = system.numbers.find((n) => String(n.id) === id);
    return number ? json({ number: numberJson(number) }) : notFound(`Number ${id}`);
  });

  router.get('/v1/webhooks', (request) => {
    const url = new URL(request.url);
    const list = system.listWebhooks();
    if (url.searchParams.get('order') === 'desc') list.reverse();
    const { items, meta } = aircallPage(list.map(webhookJson), url);
    return json({ webhooks: items, meta });
  });
  router.post('/v1/webhooks', async (request) => {
    const body = await readBody(request);
    if (!body.ok) return body.response;
    const input = parseWebhookInput(body.value);
    if (!input.ok) return aircallError(400, input.error, input.troubleshoot);
    if (system.listWebhooks().length >= MAX_WEBHOOKS) return aircallError(400, 'Too many webhooks', `A company can have at most ${MAX_WEBHOOKS} webhooks; delete one first.`);
    const { ok: _ok, ...fields } = input;
    return json({ webhook: webhookJson(system.createWebhook(fields)) }, 201);
  });
  router.get('/v1/webhooks/:id', (_request, { id = '' }) => {
    const webhook = system.findWebhook(id);
    return webhook ? json({ webhook: webhookJson(webhook) }) : notFound(`Webhook ${id}`);
  });
  router.delete('/v1/webhooks/:id', (_request, { id = '' }) => (system.deleteWebhook(id) ? new Response(null, { status: 204 }) : notFound(`Webhook ${id}`)));

  const listCalls = (request: Request, search: boolean) => {
    const url = new URL(request.url);
    const byTime = filterByTime(system.listCalls(), url.searchParams);
    const filtered = byTime.ok && search ? searchCalls(system, byTime.calls, url.searchParams) : byTime;
    if (!filtered.ok) return filtered.response;
    const { items, meta } = aircallPage(filtered.calls, url);
    return json({ calls: items, meta });
  };
  router.get('/v1/calls', (request) => listCalls(request, false));
  router.get('/v1/calls/search', (request) => listCalls(request, true));
  router.get('/v1/calls/:id', (_request, { id }) => {
    const call = id && /^\d+$/.test(id) ? system.getCall(Number(id)) : undefined;
    return call ? json({ call }) : notFound(`Call ${id}`);
  });

  for (const method of METHODS) {
    router.on(method, '/*rest', (request) => aircallError(404, 'Not found', `No route ${request.method} ${new URL(request.url).pathname}; see https://developer.aircall.io/api-references/.`));
  }
}

/**
 * Aircall's public REST API v1, the part Callbridge uses, answering for `https://api.aircall.io`. Every answer to an
 * authenticated request carries the rate-limit headers; past the limit it answers 429.
 */
export function createAircallApi(system: PhoneSystem, log?: (line: string) => void): (request: Request) => Promise<Response> {
  const router = new Router();
  registerRoutes(router, system);
  return async (request) => {
    const auth = checkBasicAuth(request, system.credentials);
    if (auth === 'missing') return json({ message: 'Unauthorized' }, 401);
    if (auth === 'invalid') return aircallError(403, 'Forbidden', 'Invalid API ID or API token. Use the credentials of an API key from the Aircall Dashboard (in the emulator, see its README).');
    const decision = system.limiter.take();
    let response: Response;
    if (!decision.allowed) {
      response = aircallError(429, 'Too many requests', `The company's limit of ${decision.limit} requests per minute is reached; retry after X-AircallApi-Reset.`);
    } else {
      try {
        response = await router.handle(request);
      } catch (error) {
        log?.(`phone: ${request.method} ${request.url} failed: ${(error as Error).stack ?? String(error)}`);
        response = aircallError(500, 'Internal error', 'The emulated Aircall failed; see the emulator log.');
      }
    }
    response.headers.set('x-aircallapi-limit', String(decision.limit));
    response.headers.set('x-aircallapi-remaining', String(decision.remaining));
    response.headers.set('x-aircallapi-reset', String(Math.ceil(decision.resetAtMs / 1000)));
    return response;
  };
}
