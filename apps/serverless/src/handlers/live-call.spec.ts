import { platformReject } from '@callbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { createHarness, setupHarnessServer, type Harness } from '../testing/harness';
import { onExternalEvent } from './on-external-event';
import { onScheduledEvent } from './on-scheduled-event';
import { currentCall } from './server-methods';

const server = setupHarnessServer();
let h: Harness;

const deliver = async (delivery: Record<string, unknown>) => (await h.run(onExternalEvent, 'onExternalEvent', delivery))[0];
const current = async (input: Record<string, unknown> = {}) => (await h.invoke(currentCall, input))[0];
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('the live call the phone app polls', () => {
  it('follows the webhook: ringing, answered, then ended with its talk time, and the call is still logged once', async () => {
    h = createHarness(server);
    await h.install();
    expect(await current()).toEqual({ error: null, data: { call: null } });
    const call = h.call({ raw_digits: '+1 415-555-0199' });
    const [created, answered, ended] = h.deliveries(call);
    const ringing = { callId: String(call.id), phone: '+14155550199', direction: 'inbound', state: 'ringing', startedAt: iso(call.started_at) };

    expect((await deliver(created!))?.data).toEqual({ event: 'call.created', callId: String(call.id), live: 'stored' });
    expect((await current())?.data).toEqual({ call: ringing });
    await deliver(answered!);
    expect((await current())?.data).toEqual({ call: { ...ringing, state: 'answered' } });
    expect((await deliver(ended!))?.data).toEqual({ event: 'call.ended', callId: String(call.id), live: 'stored', outcome: 'logged' });
    expect((await current())?.data).toEqual({ call: { ...ringing, state: 'ended', durationSeconds: 185, outcome: 'Connected' } });
    expect(h.crm.phoneCalls).toHaveLength(1);
  });

  it('never goes back for a late delivery, and an older call never replaces a newer one', async () => {
    h = createHarness(server);
    await h.install();
    const older = h.call({ raw_digits: '+1 415-555-0188' }, 900);
    const newer = h.call({ raw_digits: '+1 415-555-0199' }, 300);
    const [created, , ended] = h.deliveries(newer);
    await deliver(ended!);
    expect((await deliver(created!))?.data).toMatchObject({ live: 'kept' });
    await deliver(h.deliveries(older)[0]!);
    expect((await current())?.data).toMatchObject({ call: { callId: String(newer.id), state: 'ended' } });
  });

  it('stores nothing from a delivery it cannot verify, and nothing for a withheld number', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call();
    expect((await deliver(h.deliveries(call, 'forged')[0]!))?.error?.status).toBe(401);
    expect((await deliver(h.deliveries(h.call({ raw_digits: 'anonymous' }))[0]!))?.data).toMatchObject({ live: 'untracked' });
    expect(h.fake.$db.dump()).not.toHaveProperty('live:call');
    expect((await current())?.data).toEqual({ call: null });
  });

  it('logs an ended call all the same when the live call cannot be kept', async () => {
    h = createHarness(server);
    await h.install();
    const set = h.fake.$db.set.bind(h.fake.$db);
    h.fake.$db.set = (key, value, options) => (key === 'live:call' ? platformReject(429, 'You have exceeded the limit of 50 requests per minute') : set(key, value, options));
    const call = h.call();
    const [created, , ended] = h.deliveries(call);
    expect((await deliver(created!))?.data).toMatchObject({ live: 'failed' });
    expect((await deliver(ended!))?.data).toMatchObject({ outcome: 'logged' });
    expect(h.crm.phoneCalls).toHaveLength(1);
  });

  it('answers a $db failure of its own read as an error the phone app backs off from', async () => {
    h = createHarness(server);
    await h.install();
    h.fake.$db.get = () => platformReject(429, 'You have exceeded the limit of 50 requests per minute');
    expect((await current())?.error).toMatchObject({ status: 429 });
  });
});

describe('a call the phone app is handling', () => {
  it('waits for the rep: the webhook leaves it, reconciliation logs it once the hold ends', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call();
    const [created, , ended] = h.deliveries(call);
    await deliver(created!);
    expect((await current({ handling: String(call.id) }))?.data).toMatchObject({ call: { state: 'ringing' } });
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ pending: 'held', until: h.now() + 30 * 60_000 });
    expect((await deliver(ended!))?.data).toEqual({ event: 'call.ended', callId: String(call.id), live: 'stored', outcome: 'held', detail: 'a rep is logging it in the phone app' });
    expect(h.crm.phoneCalls).toEqual([]);

    h.advance(600);
    expect((await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' }))[0]?.data).toMatchObject({ examined: 1, outcomes: { held: 1 } });
    expect(h.crm.phoneCalls).toEqual([]);
    h.advance(30 * 60);
    expect((await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' }))[0]?.data).toMatchObject({ examined: 1, outcomes: { logged: 1 } });
    expect(h.crm.phoneCalls).toHaveLength(1);
  });

  it('holds only the call that is current', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call();
    await deliver(h.deliveries(call)[0]!);
    await current({ handling: 'another-call' });
    expect(Object.keys(h.fake.$db.dump()).filter((key) => key.startsWith('call:'))).toEqual([]);
  });
});
