import { afterEach, describe, expect, it, vi } from 'vitest';
import { AIRCALL_NUMBERS, AIRCALL_USERS } from './directory';
import { aircallFixture, envelopeOf } from './spec-helpers';
import { startReceiver } from './testing/receiver';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function withReceiver() {
  const receiver = await startReceiver();
  closers.push(receiver.close);
  return receiver;
}

const [riya] = AIRCALL_USERS;
const [salesUs] = AIRCALL_NUMBERS;

describe('PhoneSystem', () => {
  it('sends each event of a call, in order, with the state at that moment and the webhook token', async () => {
    const receiver = await withReceiver();
    const { system } = aircallFixture();
    const webhook = system.createWebhook({ custom_name: 'cb', url: `${receiver.url}/hook`, events: ['call.created', 'call.answered', 'call.hungup', 'call.ended'] });
    const call = system.startCall({ direction: 'inbound', external: '+14155550111', number: salesUs!, user: null });
    expect(call).toMatchObject({ status: 'initial', raw_digits: '+1 415-555-0111', user: null, number: { digits: '+1 415-555-0100' } });
    system.answer(call.id, riya!);
    system.hangup(call.id, { comments: ['Wants pricing'], tags: ['Hot lead'] });
    await system.idle();
    const events = receiver.received.map((r) => envelopeOf(r.body));
    expect(events.map((e) => [e.event, e.data.status, e.token])).toEqual([
      ['call.created', 'initial', webhook.token],
      ['call.answered', 'answered', webhook.token],
      ['call.hungup', 'done', webhook.token],
      ['call.ended', 'done', webhook.token],
    ]);
    expect(events[0]).toMatchObject({ resource: 'call', data: { id: call.id, call_uuid: call.sid, participants: [{ phone_number: '+14155550111', type: 'external' }] } });
    expect(events[0]!.data).not.toHaveProperty('sid');
    expect(events[3]!.data).toMatchObject({ comments: [{ content: 'Wants pricing' }], tags: [{ name: 'Hot lead' }], participants: [{}, { id: riya!.id, type: 'user' }] });
    expect(system.deliveries.map((d) => d.state)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
  });

  it('sends only the events a webhook subscribed to, and nothing to inactive or deleted ones', async () => {
    const receiver = await withReceiver();
    const { system } = aircallFixture();
    system.createWebhook({ custom_name: 'ended only', url: receiver.url, events: ['call.ended'] });
    const gone = system.createWebhook({ custom_name: 'gone', url: receiver.url, events: ['call.created'] });
    expect(system.deleteWebhook(String(gone.numericId))).toBe(true);
    expect(system.deleteWebhook('nope')).toBe(false);
    const call = system.startCall({ direction: 'outbound', external: '+14155550111', number: salesUs!, user: riya! });
    system.hangup(call.id);
    await system.idle();
    expect(receiver.received.map((r) => envelopeOf(r.body).event)).toEqual(['call.ended']);
  });

  it('ends an unanswered inbound call as missed, and refuses impossible transitions', () => {
    const { system } = aircallFixture();
    const call = system.startCall({ direction: 'inbound', external: null, number: salesUs!, user: null });
    expect(call.raw_digits).toBe('anonymous');
    const ended = system.hangup(call.id, { missedCallReason: 'no_available_agent' });
    expect(ended).toMatchObject({ status: 'done', answered_at: null, missed_call_reason: 'no_available_agent', cost: '0.0' });
    expect(system.answer(call.id, riya!)).toBe(`Call ${call.id} is done, so it cannot be answered.`);
    expect(system.hangup(call.id)).toBe(`Call ${call.id} has already ended.`);
    expect(system.answer(1, riya!)).toBe('Call 1 does not exist.');
    expect(system.hangup(1)).toBe('Call 1 does not exist.');
    expect(system.getCall(1)).toBeUndefined();
  });

  it('records failed deliveries and logs them', async () => {
    const receiver = await withReceiver();
    receiver.answerWith(500);
    const log = vi.fn();
    const { system } = aircallFixture({ log });
    system.createWebhook({ custom_name: 'broken', url: receiver.url, events: ['call.created'] });
    system.startCall({ direction: 'inbound', external: '+14155550111', number: salesUs!, user: null });
    await system.idle();
    expect(system.deliveries[0]).toMatchObject({ state: 'failed', status: 500, attempts: 2, error: 'HTTP 500' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('failed after 2 attempt(s)'));
  });

  it('redelivers the same bodies to the same webhooks, skipping deleted ones', async () => {
    const receiver = await withReceiver();
    const { system } = aircallFixture();
    const kept = system.createWebhook({ custom_name: 'kept', url: `${receiver.url}/kept`, events: ['call.created'] });
    const dropped = system.createWebhook({ custom_name: 'dropped', url: `${receiver.url}/dropped`, events: ['call.created'] });
    const call = system.startCall({ direction: 'inbound', external: '+14155550111', number: salesUs!, user: null });
    await system.idle();
    system.deleteWebhook(dropped.webhook_id);
    expect(system.redeliver(call.id)).toBe(1);
    await system.idle();
    expect(receiver.received.map((r) => r.path)).toEqual(['/kept', '/dropped', '/kept']);
    expect(receiver.received[2]!.body).toEqual(receiver.received[0]!.body);
    expect(system.deliveries.at(-1)).toMatchObject({ redelivery: true, webhookId: kept.webhook_id, state: 'delivered' });
    expect(system.redeliver(42)).toBe(-1);
  });

  it('stops in-flight deliveries on close, and reset forgets everything', async () => {
    const { system } = aircallFixture({ delivery: { maxAttempts: 3, retryDelayMs: 60_000, timeoutMs: 2_000 } });
    system.createWebhook({ custom_name: 'dead', url: 'http://127.0.0.1:9/hook', events: ['call.created'] });
    system.startCall({ direction: 'inbound', external: '+14155550111', number: salesUs!, user: null });
    await system.reset();
    expect(system.listWebhooks()).toEqual([]);
    expect(system.listCalls()).toEqual([]);
    expect(system.deliveries).toEqual([]);
  });
});
