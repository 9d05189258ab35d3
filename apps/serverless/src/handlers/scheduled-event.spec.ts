import { platformReject } from '@callbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { createHarness, setupHarnessServer, type Harness } from '../testing/harness';
import { onExternalEvent } from './on-external-event';
import { onScheduledEvent, RECONCILE_DB_BUDGET } from './on-scheduled-event';

const server = setupHarnessServer();
let h: Harness;

const reconcile = async (harness: Harness) => (await harness.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' }))[0];
const watermark = (harness: Harness) => (harness.fake.$db.dump()['sync:phone'] as { from: number } | undefined)?.from;

describe('onScheduledEvent: reconciliation', () => {
  it('logs the calls the webhook never delivered, and moves the watermark past them', async () => {
    h = createHarness(server);
    await h.install();
    const first = h.call({ raw_digits: '+1 415-555-0101' }, 300);
    const second = h.call({ raw_digits: '+1 415-555-0102' }, 200);
    const run = await reconcile(h);
    expect(run).toEqual({ error: null, data: { from: expect.any(Number) as number, next: second.started_at + 1, examined: 2, outcomes: { logged: 2 } } });
    expect(h.crm.phoneCalls).toHaveLength(2);
    expect(watermark(h)).toBe(second.started_at + 1);
    expect((await reconcile(h))?.data).toMatchObject({ examined: 0, outcomes: {} });
    expect(first.id).not.toBe(second.id);
  });

  it('sees already logged calls as duplicates, and waits for calls still going on', async () => {
    h = createHarness(server);
    await h.install();
    const logged = h.call({}, 400);
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(logged));
    const live = h.call({ status: 'answered', ended_at: null }, 100);
    const run = await reconcile(h);
    expect(run?.data).toMatchObject({ examined: 2, outcomes: { duplicate: 1, waiting: 1 }, next: live.started_at });
    // A call stuck "in progress" for a day stops holding the watermark back.
    h.advance(90_000);
    expect((await reconcile(h))?.data).toMatchObject({ outcomes: { waiting: 1 }, next: live.started_at + 1 });
  });

  it('holds the watermark at a failed call and retries it next time', async () => {
    h = createHarness(server);
    await h.install();
    const failing = h.call({ raw_digits: '+1 415-555-0101' }, 300);
    const fine = h.call({ raw_digits: '+1 415-555-0102' }, 200);
    let failures = 1;
    h.crm.outage({ status: 502 }, (method, path) => method === 'POST' && path === '/contacts' && failures-- > 0);
    expect((await reconcile(h))?.data).toMatchObject({ outcomes: { failed: 1, logged: 1 }, next: failing.started_at });
    h.crm.outage(undefined);
    // The call settled last time is known from the watermark's record: no $db read for it.
    expect((await reconcile(h))?.data).toMatchObject({ outcomes: { logged: 1, known: 1 }, next: fine.started_at + 1 });
    expect(h.crm.phoneCalls).toHaveLength(2);
  });

  it('spreads a backlog over runs within its $db budget, pages, and never reads a settled call twice', async () => {
    h = createHarness(server);
    await h.install();
    const calls = Array.from({ length: 45 }, (_, i) => h.call({ raw_digits: `+1 415-555-01${String(i).padStart(2, '0')}` }, 500 - i));
    h.crm.add('contacts', { last_name: 'x', mobile_number: '+14155550100' });
    const runs: { examined: number; next: number; outcomes: Record<string, number> }[] = [];
    while (h.crm.phoneCalls.length < 45 && runs.length < 20) {
      const before = h.fake.$db.calls.length;
      runs.push((await reconcile(h))!.data as (typeof runs)[number]);
      expect(h.fake.$db.calls.length - before).toBeLessThanOrEqual(RECONCILE_DB_BUDGET);
      h.advance(600);
    }
    expect(h.crm.phoneCalls).toHaveLength(45);
    expect(new Set(h.crm.phoneCalls.map((c) => c.note))).toHaveProperty('size', 45);
    // The first run lists 40 calls and logs what its budget allows; each later run starts at the first unlogged call.
    expect(runs[0]).toMatchObject({ examined: 40, outcomes: { logged: expect.any(Number) as number, deferred: expect.any(Number) as number } });
    expect(runs.length).toBeGreaterThan(2);
    expect(runs.every((run) => !run.outcomes.duplicate)).toBe(true);
    expect(runs.at(-1)).toMatchObject({ next: calls[44]!.started_at + 1 });
    expect(watermark(h)).toBe(calls[44]!.started_at + 1);
  }, 30_000);

  it("stops at the platform's $db limit and saves where it got", async () => {
    h = createHarness(server);
    await h.install();
    const first = h.call({ raw_digits: '+1 415-555-0101' }, 300);
    const second = h.call({ raw_digits: '+1 415-555-0102' }, 200);
    const get = h.fake.$db.get.bind(h.fake.$db);
    let limited = false;
    h.fake.$db.get = (key) => (limited && key.startsWith('call:') ? platformReject(429, 'Too many requests') : get(key));
    h.crm.outage({ status: 500 }, (method) => {
      // The first call's log takes the installation's last $db calls of the minute.
      if (method === 'POST') limited = true;
      return false;
    });
    expect((await reconcile(h))?.data).toMatchObject({ outcomes: { logged: 1, rate_limited: 1 }, next: second.started_at });
    expect(watermark(h)).toBe(second.started_at);
    limited = false;
    h.crm.outage(undefined);
    expect((await reconcile(h))?.data).toMatchObject({ outcomes: { logged: 1 }, next: second.started_at + 1 });
    expect(h.crm.phoneCalls).toHaveLength(2);
    expect(first.id).not.toBe(second.id);
  });

  it('defers calls once its time budget is spent', async () => {
    h = createHarness(server);
    await h.install();
    h.call({}, 300);
    h.call({}, 200);
    // Every CRM request takes 13 s of the clock: the budget (12 s) is spent after the first call.
    h.crm.outage({ status: 500 }, () => {
      h.advance(13);
      return false;
    });
    expect((await reconcile(h))?.data).toMatchObject({ outcomes: { logged: 1, deferred: 1 } });
  });

  it('leaves a call for the next run when $db fails under it', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call({}, 300);
    const get = h.fake.$db.get.bind(h.fake.$db);
    h.fake.$db.get = (key) => (key.startsWith('call:') ? platformReject(503, 'Service unavailable') : get(key));
    expect((await reconcile(h))?.data).toMatchObject({ outcomes: { error: 1 }, next: call.started_at });
  });

  it('starts an hour back when install left no watermark, and records where it got', async () => {
    h = createHarness(server);
    await h.install();
    await h.fake.$db.delete('sync:phone');
    expect((await reconcile(h))?.data).toMatchObject({ examined: 0, next: Math.floor(h.now() / 1000) - 3600 });
    expect(watermark(h)).toBe(Math.floor(h.now() / 1000) - 3600);
  });

  it('answers with what Aircall said when it cannot list calls', async () => {
    h = createHarness(server);
    await h.install();
    h.aircall.outage({ status: 403 });
    expect((await reconcile(h))?.error).toEqual({ status: 502, message: 'Aircall rejected the API ID and token: check them in the installation settings' });
  });

  it('counts calls Aircall sent in a shape it cannot read', async () => {
    h = createHarness(server);
    await h.install();
    h.aircall.calls.push({ id: 'x', started_at: Math.floor(h.now() / 1000) } as unknown as (typeof h.aircall.calls)[number]);
    expect((await reconcile(h))?.data).toMatchObject({ examined: 0, outcomes: { unreadable: 1 } });
  });

  it('ignores schedules that are not its own', async () => {
    h = createHarness(server);
    expect(await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'other' })).toEqual([{ error: null, data: { ignored: 'not a Callbridge schedule' } }]);
  });
});
