import { z } from 'zod';
import { html, json, readJson, type Router } from '../http/router';
import type { PhoneSystem } from './phone-system';
import { simulateCall, simulateSchema } from './simulate';
import { simulatorPage } from './simulator-page';

const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

const settingsSchema = z.object({
  rateLimitPerMinute: z.number().int().positive().optional(),
  credentials: z.array(z.object({ apiId: z.string().min(1), apiToken: z.string().min(1) })).min(1).optional(),
});

const hangupSchema = z.object({ wait: z.boolean().default(false) });

/** The id of an existing call, or undefined. */
function existingCall(system: PhoneSystem, raw: string | undefined): number | undefined {
  const id = raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
  return id !== undefined && system.getCall(id) ? id : undefined;
}

const noSuchCall = (raw: string | undefined) => json({ message: `Call ${raw} does not exist.` }, 404);

/** Body of a POST that may be empty. */
async function optionalBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const body = await readJson(request);
  return body.ok ? { ok: true, value: body.value ?? {} } : body;
}

/** What `GET /_emulator/phone/state` answers: the embedded phone system's webhooks, calls, deliveries and settings. */
export function phoneStateOf(system: PhoneSystem) {
  return {
    webhooks: system.listWebhooks().map(({ numericId: _id, ...w }) => w),
    calls: system.listCalls(),
    deliveries: system.deliveries,
    users: system.users,
    numbers: system.numbers,
    rateLimit: system.limiter.current,
  };
}
export type PhoneStateSnapshot = ReturnType<typeof phoneStateOf>;

/**
 * `/_emulator/phone/...`: drive the embedded phone system from tests, tools and the simulator page: simulate calls,
 * answer and hang up live ones, redeliver a call's webhooks, read and reset the state, change settings.
 */
export function registerPhoneAutomation(router: Router, system: PhoneSystem): void {
  router.get('/_emulator/phone', () => html(simulatorPage()));

  router.get('/_emulator/phone/state', () => json(phoneStateOf(system)));

  router.post('/_emulator/phone/calls', async (request) => {
    const body = await optionalBody(request);
    if (!body.ok) return body.response;
    const parsed = simulateSchema.safeParse(body.value);
    if (!parsed.success) return json({ message: issues(parsed.error) }, 400);
    const result = simulateCall(system, parsed.data);
    if (!result.ok) return json({ message: result.message }, 400);
    if (parsed.data.wait) await system.idle();
    return json({ callId: result.value.id, call: system.getCall(result.value.id) }, 201);
  });

  router.post('/_emulator/phone/calls/:id/answer', async (request, params) => {
    const body = await optionalBody(request);
    if (!body.ok) return body.response;
    const parsed = z.object({ userId: z.number().int().optional(), wait: z.boolean().default(false) }).safeParse(body.value);
    if (!parsed.success) return json({ message: issues(parsed.error) }, 400);
    const user = system.users.find((u) => (parsed.data.userId === undefined ? u.available : u.id === parsed.data.userId));
    if (!user) return json({ message: `userId ${parsed.data.userId} is not an Aircall user.` }, 400);
    const id = existingCall(system, params.id);
    if (id === undefined) return noSuchCall(params.id);
    const result = system.answer(id, user);
    if (typeof result === 'string') return json({ message: result }, 409);
    if (parsed.data.wait) await system.idle();
    return json({ callId: result.id, call: result });
  });

  /**
   * hangup and redeliver read the same body and call id; each acts at once (a Response is a refusal) and builds its
   * answer after the optional wait, so it reports the deliveries that wait let finish.
   */
  const onCall = (act: (id: number) => Response | (() => Response)) => async (request: Request, params: Record<string, string>) => {
    const body = await optionalBody(request);
    if (!body.ok) return body.response;
    const parsed = hangupSchema.safeParse(body.value);
    if (!parsed.success) return json({ message: issues(parsed.error) }, 400);
    const id = existingCall(system, params.id);
    if (id === undefined) return noSuchCall(params.id);
    const outcome = act(id);
    if (outcome instanceof Response) return outcome;
    if (parsed.data.wait) await system.idle();
    return outcome();
  };

  router.post(
    '/_emulator/phone/calls/:id/hangup',
    onCall((id) => {
      const result = system.hangup(id);
      return typeof result === 'string' ? json({ message: result }, 409) : () => json({ callId: result.id, call: result });
    }),
  );

  router.post(
    '/_emulator/phone/calls/:id/redeliver',
    onCall((id) => {
      const count = system.redeliver(id);
      return () => json({ callId: id, redelivered: count, deliveries: system.deliveries.filter((d) => d.callId === id && d.redelivery) });
    }),
  );

  router.post('/_emulator/phone/reset', async () => {
    await system.reset();
    return json({ reset: true });
  });

  router.put('/_emulator/phone/settings', async (request) => {
    const body = await optionalBody(request);
    if (!body.ok) return body.response;
    const parsed = settingsSchema.safeParse(body.value);
    if (!parsed.success) return json({ message: issues(parsed.error) }, 400);
    if (parsed.data.rateLimitPerMinute !== undefined) system.limiter.configure({ limit: parsed.data.rateLimitPerMinute, windowMs: 60_000 });
    if (parsed.data.credentials) system.credentials = parsed.data.credentials;
    return json({ rateLimit: system.limiter.current, apiIds: system.credentials.map((c) => c.apiId) });
  });
}
