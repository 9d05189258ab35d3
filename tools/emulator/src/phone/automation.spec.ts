import { afterEach, describe, expect, it } from 'vitest';
import { Router } from '../http/router';
import type { AircallCall } from './call';
import { registerPhoneAutomation } from './automation';
import type { Delivery } from './phone-system';
import { aircallFixture } from './spec-helpers';
import { startReceiver } from './testing/receiver';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function automation() {
  const fixture = aircallFixture();
  const router = new Router();
  registerPhoneAutomation(router, fixture.system);
  const send = (method: string, path: string, body?: unknown) =>
    router.handle(new Request(`http://localhost${path}`, { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) }));
  return { ...fixture, send };
}

const read = async <T>(response: Response) => (await response.json()) as T;
type Simulated = { callId: number; call: AircallCall };

describe('/_emulator/phone automation', () => {
  it('simulates a call, waits for its deliveries, and shows the state', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const phone = automation();
    phone.system.createWebhook({ custom_name: 'cb', url: receiver.url, events: ['call.created', 'call.ended'] });
    const response = await phone.send('POST', '/_emulator/phone/calls', { from: '+14155550111', wait: true });
    expect(response.status).toBe(201);
    const { callId, call } = await read<Simulated>(response);
    expect(call).toMatchObject({ id: callId, status: 'done' });
    expect(receiver.received).toHaveLength(2);
    const state = await read<{ webhooks: object[]; calls: AircallCall[]; deliveries: Delivery[]; users: unknown[]; numbers: unknown[]; rateLimit: { limit: number } }>(
      await phone.send('GET', '/_emulator/phone/state'),
    );
    expect(state.webhooks[0]).not.toHaveProperty('numericId');
    expect(state.calls.map((c) => c.id)).toEqual([callId]);
    expect(state.deliveries.map((d) => [d.event, d.state, d.status])).toEqual([
      ['call.created', 'delivered', 200],
      ['call.ended', 'delivered', 200],
    ]);
    expect(state.rateLimit.limit).toBe(120);
  });

  it('answers and hangs up a live call, 409 when it cannot, 404 when unknown', async () => {
    const phone = automation();
    const { callId } = await read<Simulated>(await phone.send('POST', '/_emulator/phone/calls', { from: '+14155550111', live: true }));
    expect((await read<Simulated>(await phone.send('POST', `/_emulator/phone/calls/${callId}/answer`, { wait: true }))).call.status).toBe('answered');
    expect((await phone.send('POST', `/_emulator/phone/calls/${callId}/answer`)).status).toBe(409);
    phone.advance(42_000);
    const ended = await read<Simulated>(await phone.send('POST', `/_emulator/phone/calls/${callId}/hangup`, { wait: true }));
    expect(ended.call).toMatchObject({ status: 'done', duration: 42 });
    expect((await phone.send('POST', `/_emulator/phone/calls/${callId}/hangup`)).status).toBe(409);
    expect((await phone.send('POST', '/_emulator/phone/calls/1/hangup')).status).toBe(404);
    expect((await phone.send('POST', '/_emulator/phone/calls/x/answer')).status).toBe(404);
    expect((await phone.send('POST', `/_emulator/phone/calls/${callId}/answer`, { userId: 1 })).status).toBe(400);
  });

  it('redelivers a call and reports the new deliveries', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const phone = automation();
    phone.system.createWebhook({ custom_name: 'cb', url: receiver.url, events: ['call.ended'] });
    const { callId } = await read<Simulated>(await phone.send('POST', '/_emulator/phone/calls', { from: '+14155550111', wait: true }));
    const again = await read<{ redelivered: number; deliveries: Delivery[] }>(await phone.send('POST', `/_emulator/phone/calls/${callId}/redeliver`, { wait: true }));
    expect(again.redelivered).toBe(1);
    expect(again.deliveries).toEqual([expect.objectContaining({ event: 'call.ended', redelivery: true, state: 'delivered' })]);
    expect(receiver.received).toHaveLength(2);
    expect((await phone.send('POST', '/_emulator/phone/calls/1/redeliver')).status).toBe(404);
  });

  it('answers 400 for bad simulations and bodies', async () => {
    const phone = automation();
    for (const [path, body] of [
      ['/_emulator/phone/calls', { direction: 'sideways' }],
      ['/_emulator/phone/calls', { from: '+1' }],
      ['/_emulator/phone/calls', '{'],
      ['/_emulator/phone/calls/1/answer', '{'],
      ['/_emulator/phone/calls/1/answer', { userId: 'x' }],
      ['/_emulator/phone/calls/1/hangup', '{'],
      ['/_emulator/phone/calls/1/hangup', { wait: 'yes' }],
      ['/_emulator/phone/calls/1/redeliver', '{'],
      ['/_emulator/phone/calls/1/redeliver', { wait: 1 }],
    ] as const) {
      expect((await phone.send('POST', path, body)).status).toBe(400);
    }
  });

  it('changes settings and resets', async () => {
    const phone = automation();
    const settings = await phone.send('PUT', '/_emulator/phone/settings', { rateLimitPerMinute: 5, credentials: [{ apiId: 'id', apiToken: 'token' }] });
    expect(await settings.json()).toEqual({ rateLimit: { limit: 5, windowMs: 60_000 }, apiIds: ['id'] });
    expect(phone.system.credentials).toEqual([{ apiId: 'id', apiToken: 'token' }]);
    expect((await phone.send('PUT', '/_emulator/phone/settings', { rateLimitPerMinute: 0 })).status).toBe(400);
    expect((await phone.send('PUT', '/_emulator/phone/settings', '{')).status).toBe(400);
    expect((await phone.send('PUT', '/_emulator/phone/settings')).status).toBe(200);
    await phone.send('POST', '/_emulator/phone/calls', { from: '+14155550111' });
    expect(await (await phone.send('POST', '/_emulator/phone/reset')).json()).toEqual({ reset: true });
    expect(phone.system.listCalls()).toEqual([]);
  });

  it('serves the simulator page', async () => {
    const page = await automation().send('GET', '/_emulator/phone');
    expect(page.headers.get('content-type')).toContain('text/html');
    const text = await page.text();
    expect(text).toContain('<form id="simulate">');
    expect(text).toContain('+1 415-555-0100');
    expect(text).toContain('/_emulator/phone/state');
  });
});
