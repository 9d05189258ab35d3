import { describe, expect, it, vi } from 'vitest';
import type { AircallCall } from './call';
import { AIRCALL_NUMBERS } from './directory';
import { aircallFixture, type AircallErrorBody, type Meta } from './spec-helpers';
import { simulateCall, simulateSchema } from './simulate';

const read = async <T>(response: Response) => (await response.json()) as T;
type WebhookBody = { webhook: { webhook_id: string; token: string; url: string; events: string[]; active: boolean; custom_name: string; direct_link: string; created_at: string } };
type Calls = { calls: AircallCall[]; meta: Meta };

describe('Aircall API auth and limits', () => {
  it('answers 401 without credentials and 403 with wrong ones', async () => {
    const aircall = aircallFixture();
    const missing = await aircall.call('GET', '/v1/calls', { authorization: null });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: 'Unauthorized' });
    const wrong = await aircall.call('GET', '/v1/calls', { authorization: 'Basic d3Jvbmc6d3Jvbmc=' });
    expect(wrong.status).toBe(403);
    expect(await read<AircallErrorBody>(wrong)).toMatchObject({ error: 'Forbidden', troubleshoot: expect.any(String) as string });
  });

  it('sends the rate-limit headers on every answer and 429 past the limit', async () => {
    const aircall = aircallFixture({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const first = await aircall.call('GET', '/v1/ping');
    expect(await first.json()).toEqual({ ping: 'pong' });
    expect(first.headers.get('x-aircallapi-limit')).toBe('2');
    expect(first.headers.get('x-aircallapi-remaining')).toBe('1');
    expect(first.headers.get('x-aircallapi-reset')).toBe(String(Date.parse('2026-11-21T10:01:00Z') / 1000));
    await aircall.call('GET', '/v1/ping');
    const limited = await aircall.call('GET', '/v1/ping');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-aircallapi-remaining')).toBe('0');
    expect((await read<AircallErrorBody>(limited)).error).toBe('Too many requests');
    aircall.advance(60_000);
    expect((await aircall.call('GET', '/v1/ping')).status).toBe(200);
  });

  it('answers 404 for unknown routes and 500 when a handler throws', async () => {
    const log = vi.fn();
    const aircall = aircallFixture({ log });
    const unknown = await aircall.call('GET', '/v1/teams');
    expect(unknown.status).toBe(404);
    expect((await read<AircallErrorBody>(unknown)).error).toBe('Not found');
    vi.spyOn(aircall.system, 'listCalls').mockImplementation(() => {
      throw new Error('boom');
    });
    expect((await aircall.call('GET', '/v1/calls')).status).toBe(500);
  });
});

describe('webhooks', () => {
  it('creates (201 with webhook_id and token), lists, reads and deletes (204)', async () => {
    const aircall = aircallFixture();
    const created = await aircall.call('POST', '/v1/webhooks', { body: { custom_name: 'Callbridge', url: 'https://hooks.example/aircall', events: ['call.created', 'call.ended'] } });
    expect(created.status).toBe(201);
    const { webhook } = await read<WebhookBody>(created);
    expect(webhook).toMatchObject({ custom_name: 'Callbridge', url: 'https://hooks.example/aircall', events: ['call.created', 'call.ended'], active: true, created_at: '2026-11-21T10:00:00.000Z' });
    expect(webhook.webhook_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(webhook.token).toMatch(/^[0-9a-f]{20}$/);
    await aircall.call('POST', '/v1/webhooks', { body: { url: 'https://hooks.example/second' } });
    const list = await read<{ webhooks: WebhookBody['webhook'][]; meta: Meta }>(await aircall.call('GET', '/v1/webhooks?order=desc'));
    expect(list.webhooks.map((w) => w.url)).toEqual(['https://hooks.example/second', 'https://hooks.example/aircall']);
    expect(list.meta).toMatchObject({ total: 2, count: 2, current_page: 1, per_page: 20, next_page_link: null });
    const numericId = webhook.direct_link.split('/').at(-1)!;
    expect((await read<WebhookBody>(await aircall.call('GET', `/v1/webhooks/${numericId}`))).webhook.webhook_id).toBe(webhook.webhook_id);
    const deleted = await aircall.call('DELETE', `/v1/webhooks/${webhook.webhook_id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await aircall.call('DELETE', `/v1/webhooks/${webhook.webhook_id}`)).status).toBe(404);
    expect((await aircall.call('GET', `/v1/webhooks/${webhook.webhook_id}`)).status).toBe(404);
  });

  it('answers 400 for a bad body, url or events, and past 100 webhooks', async () => {
    const aircall = aircallFixture();
    for (const body of ['{', { custom_name: 'no url' }, { url: 'http://example.com' }, { url: 'https://example.com', events: ['call.nope'] }]) {
      const response = await aircall.call('POST', '/v1/webhooks', { body });
      expect(response.status).toBe(400);
      expect(await read<AircallErrorBody>(response)).toMatchObject({ error: expect.any(String) as string, troubleshoot: expect.any(String) as string });
    }
    for (let i = 0; i < 100; i++) aircall.system.createWebhook({ custom_name: `${i}`, url: 'https://example.com', events: ['call.ended'] });
    const over = await aircall.call('POST', '/v1/webhooks', { body: { url: 'https://example.com' } });
    expect((await read<AircallErrorBody>(over)).error).toBe('Too many webhooks');
  });
});

describe('calls', () => {
  function seeded() {
    const aircall = aircallFixture();
    const play = (fields: Record<string, unknown>) => {
      const result = simulateCall(aircall.system, simulateSchema.parse(fields));
      aircall.advance(600_000);
      return result.ok ? result.value : undefined;
    };
    const first = play({ from: '+14155550111', durationSeconds: 100 });
    const second = play({ direction: 'outbound', to: '+442079460131', durationSeconds: 50, tags: ['Hot lead'] });
    const third = play({ from: '+1 415 555 0111', answered: false, durationSeconds: 10 });
    return { aircall, first: first!, second: second!, third: third! };
  }

  it('lists calls oldest first by default, with from/to, order and pages', async () => {
    const { aircall, first, second, third } = seeded();
    const all = await read<Calls>(await aircall.call('GET', '/v1/calls'));
    expect(all.calls.map((c) => c.id)).toEqual([first.id, second.id, third.id]);
    expect(all.meta).toMatchObject({ count: 3, total: 3 });
    const recent = await read<Calls>(await aircall.call('GET', `/v1/calls?from=${second.started_at}&order=desc`));
    expect(recent.calls.map((c) => c.id)).toEqual([third.id, second.id]);
    expect((await read<Calls>(await aircall.call('GET', `/v1/calls?to=${first.started_at}`))).calls.map((c) => c.id)).toEqual([first.id]);
    const page = await read<Calls>(await aircall.call('GET', '/v1/calls?per_page=1&page=2'));
    expect(page.calls.map((c) => c.id)).toEqual([second.id]);
    expect(page.meta.next_page_link).toBe('https://api.aircall.io/v1/calls?per_page=1&page=3');
    expect(page.meta.previous_page_link).toBe('https://api.aircall.io/v1/calls?per_page=1&page=1');
    expect((await read<Calls>(await aircall.call('GET', '/v1/calls?per_page=500'))).meta.per_page).toBe(50);
  });

  it('answers 400 for bad from, to or order', async () => {
    const { aircall } = seeded();
    for (const query of ['from=yesterday', 'to=-1', 'order=newest']) expect((await aircall.call('GET', `/v1/calls?${query}`)).status).toBe(400);
  });

  it('searches by phone number in any format, direction, user and tags', async () => {
    const { aircall, first, second, third } = seeded();
    const byPhone = await read<Calls>(await aircall.call('GET', '/v1/calls/search?phone_number=%2B14155550111'));
    expect(byPhone.calls.map((c) => c.id)).toEqual([first.id, third.id]);
    const outbound = await read<Calls>(await aircall.call('GET', '/v1/calls/search?direction=outbound&user_id=456001&tags[]=Hot%20lead'));
    expect(outbound.calls.map((c) => c.id)).toEqual([second.id]);
    expect((await aircall.call('GET', '/v1/calls/search?direction=sideways')).status).toBe(400);
    expect((await aircall.call('GET', '/v1/calls/search?phone_number=abc')).status).toBe(400);
    expect((await aircall.call('GET', '/v1/calls/search?order=up')).status).toBe(400);
  });

  it('reads one call in Aircall shape, or 404', async () => {
    const { aircall, first } = seeded();
    const { call } = await read<{ call: AircallCall }>(await aircall.call('GET', `/v1/calls/${first.id}`));
    expect(call).toMatchObject({ id: first.id, direct_link: `https://api.aircall.io/v1/calls/${first.id}`, direction: 'inbound', status: 'done', raw_digits: '+1 415-555-0111', duration: 100, contact: null });
    expect(typeof call.started_at).toBe('number');
    expect((await aircall.call('GET', '/v1/calls/1')).status).toBe(404);
    expect((await aircall.call('GET', '/v1/calls/abc')).status).toBe(404);
  });
});

describe('users, numbers and dial', () => {
  it('lists and reads users and numbers', async () => {
    const aircall = aircallFixture();
    const { users } = await read<{ users: { id: number; numbers: unknown[] }[] }>(await aircall.call('GET', '/v1/users'));
    expect(users.map((u) => u.id)).toEqual([456001, 456002]);
    expect((await read<{ user: { email: string } }>(await aircall.call('GET', '/v1/users/456001'))).user.email).toBe('riya@acme.example');
    expect((await aircall.call('GET', '/v1/users/1')).status).toBe(404);
    const { numbers } = await read<{ numbers: { digits: string }[] }>(await aircall.call('GET', '/v1/numbers'));
    expect(numbers.map((n) => n.digits)).toEqual(['+1 415-555-0100', '+44 20 7946 0000']);
    expect((await read<{ number: { id: number } }>(await aircall.call('GET', `/v1/numbers/${AIRCALL_NUMBERS[1]!.id}`))).number.id).toBe(789002);
    expect((await aircall.call('GET', '/v1/numbers/1')).status).toBe(404);
  });

  it('dials: 204 and a ringing outbound call from the user\'s line', async () => {
    const aircall = aircallFixture();
    const response = await aircall.call('POST', '/v1/users/456001/dial', { body: { to: '+14155550121' } });
    expect(response.status).toBe(204);
    expect(aircall.system.listCalls()).toEqual([expect.objectContaining({ direction: 'outbound', status: 'initial', raw_digits: '+1 415-555-0121', user: expect.objectContaining({ id: 456001 }) as unknown })]);
  });

  it('answers 404 for an unknown user, 400 for a bad number or body, 405 for an unavailable user', async () => {
    const aircall = aircallFixture();
    expect((await aircall.call('POST', '/v1/users/1/dial', { body: { to: '+14155550121' } })).status).toBe(404);
    for (const body of [{ to: 'call mum' }, {}, { to: '12' }, '{']) expect((await aircall.call('POST', '/v1/users/456001/dial', { body })).status).toBe(400);
    const unavailable = await aircall.call('POST', '/v1/users/456002/dial', { body: { to: '+14155550121' } });
    expect(unavailable.status).toBe(405);
    expect((await read<AircallErrorBody>(unavailable)).error).toBe('User not available');
    expect(aircall.system.listCalls()).toEqual([]);
  });
});
