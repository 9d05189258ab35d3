import { platformReject } from '@callbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { createHarness, setupHarnessServer, WEBHOOK_TOKEN, type Harness } from '../testing/harness';
import { onContactCreate } from './on-person-events';
import { onDealCreate } from './on-deal-events';
import { onExternalEvent } from './on-external-event';
import { onScheduledEvent } from './on-scheduled-event';

const server = setupHarnessServer();
let h: Harness;

const logsPosted = (harness: Harness) => harness.crm.posted.filter((p) => p.path === '/phone_calls');

/** Deliveries in a scrambled order: the end first, then the start, each ended delivery three times. */
function scrambled(deliveries: Record<string, unknown>[]): Record<string, unknown>[] {
  const ended = deliveries.at(-1)!;
  return [ended, deliveries[0]!, ended, ...deliveries.slice(1, -1), ended];
}

describe('onExternalEvent', () => {
  it('creates one placeholder contact for an unknown caller, and logs the call against it', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call({ raw_digits: '+1 415-555-0177', comments: [{ content: 'Wants a quote' }] });
    expect(await h.run(onExternalEvent, 'onExternalEvent', h.ended(call))).toEqual([{ error: null, data: { event: 'call.ended', callId: String(call.id), live: 'stored', outcome: 'logged' } }]);
    expect(h.crm.contacts).toEqual([expect.objectContaining({ first_name: 'Unknown', last_name: 'caller', mobile_number: '+14155550177' })]);
    const contactId = h.crm.contacts[0]!.id;
    expect(logsPosted(h)).toEqual([
      {
        path: '/phone_calls',
        body: {
          phone_call: {
            call_direction: true,
            targetable_type: 'Contact',
            targetable: { id: contactId },
            note: { description: `Wants a quote\nLogged by Callbridge from Aircall call ${call.id}` },
            number: '+14155550177',
            source: 'Callbridge',
            call_duration: 185,
            outcome_id: 801,
          },
        },
      },
    ]);
    // The placeholder is indexed at once, so the next call from the number costs no CRM lookup.
    expect(h.fake.$db.dump()['ph:14155550177']).toEqual({ refs: [{ type: 'contact', id: contactId, name: 'Unknown caller' }] });
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ outcome: 'logged', logId: String(h.crm.phoneCalls[0]!.id) });
  });

  it('logs the same call once when it is delivered three times and out of order, one after another', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call();
    const outcomes = [];
    for (const delivery of scrambled(h.deliveries(call))) outcomes.push((await h.run(onExternalEvent, 'onExternalEvent', delivery))[0]?.data);
    expect(outcomes.map((o) => (o as { outcome?: string; ignored?: string }).outcome ?? 'ignored')).toEqual(['logged', 'ignored', 'duplicate', 'ignored', 'duplicate']);
    expect(h.crm.contacts).toHaveLength(1);
    expect(logsPosted(h)).toHaveLength(1);
  });

  it('logs the same call once when the deliveries arrive all at once', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call();
    const before = h.fake.answers.length;
    await Promise.all(scrambled(h.deliveries(call)).map((d) => onExternalEvent(h.fake.payload('onExternalEvent', d))));
    const answers = h.fake.answers.slice(before);
    expect(answers).toHaveLength(5);
    expect(answers.every((a) => a.error === null)).toBe(true);
    expect(h.crm.contacts).toHaveLength(1);
    expect(logsPosted(h)).toHaveLength(1);
    expect(Object.keys(h.fake.$db.dump()).filter((k) => k.startsWith('claim:'))).toEqual([]);
  });

  it("logs a known caller's call against the contact from the index and against the contact's open deal", async () => {
    h = createHarness(server);
    await h.install();
    const contact = h.crm.add('contacts', { first_name: 'Jane', last_name: 'Doe', mobile_number: '+14155550111' });
    const deal = h.crm.add('deals', { name: 'Renewal', contact_ids: [contact.id] });
    await h.run(onContactCreate, 'onContactCreate', { contact: { id: contact.id, first_name: 'Jane', last_name: 'Doe', mobile_number: '+1 (415) 555-0111', work_number: null } });
    await h.run(onDealCreate, 'onDealCreate', { deal: { id: deal.id, name: 'Renewal', contact_ids: [contact.id] }, associations: { deal_stage: { id: 711, name: 'New', forecast_type: 'Open' } } });
    const requestsBefore = h.crm.requests.length;
    const call = h.call({ direction: 'outbound' });
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(call));
    expect(logsPosted(h).map((p) => (p.body as { phone_call: { targetable_type: string; targetable: { id: number } } }).phone_call)).toEqual([
      expect.objectContaining({ targetable_type: 'Contact', targetable: { id: contact.id }, call_direction: false }),
      expect.objectContaining({ targetable_type: 'Deal', targetable: { id: deal.id } }),
    ]);
    // No lookup and no deal query: the index and the deal links answered.
    expect(h.crm.requests.slice(requestsBefore).filter((r) => r.startsWith('GET /lookup') || r.startsWith('GET /contacts'))).toEqual([]);
    expect(h.crm.contacts).toHaveLength(1);
  });

  it("asks the CRM for a contact's open deal when no deal event linked it, and skips the deal when the rule is off", async () => {
    h = createHarness(server);
    await h.install();
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111' });
    h.crm.add('deals', { name: 'Open', deal_stage_id: 711, contact_ids: [contact.id] });
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call()));
    expect(logsPosted(h)).toHaveLength(2);
    h.dispose();
    server.resetHandlers();
    h = createHarness(server, { iparams: { attach_to_open_deal: false } });
    await h.install();
    const other = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111' });
    h.crm.add('deals', { name: 'Open', deal_stage_id: 711, contact_ids: [other.id] });
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call()));
    expect(logsPosted(h)).toHaveLength(1);
  });

  it('creates a lead as the placeholder in Freshsales when the installation says so', async () => {
    h = createHarness(server, { product: 'freshsales', iparams: { placeholder_type_classic: 'lead', placeholder_name: 'Caller' } });
    await h.install();
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call()));
    expect(h.crm.leads).toEqual([expect.objectContaining({ last_name: 'Caller' })]);
    expect(logsPosted(h).map((p) => (p.body as { phone_call: { targetable_type: string } }).phone_call.targetable_type)).toEqual(['Lead']);
  });

  it('logs nothing for an unknown caller when placeholders are off, or when the number is withheld', async () => {
    h = createHarness(server, { iparams: { auto_create_contacts: false } });
    await h.install();
    const [unknown] = await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call()));
    expect(unknown?.data).toMatchObject({ outcome: 'skipped', detail: 'unknown caller, and the installation creates no placeholder contacts' });
    const [anonymous] = await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call({ raw_digits: 'anonymous' })));
    expect(anonymous?.data).toMatchObject({ outcome: 'skipped', detail: 'no caller number (anonymous)' });
    expect(h.crm.contacts).toEqual([]);
    expect(logsPosted(h)).toEqual([]);
  });

  it('refuses deliveries whose token is wrong, and bodies that are not Aircall events', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call();
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(call, 'forged')))[0]?.error).toEqual({
      status: 401,
      message: "The event's token does not match the webhook Callbridge registered",
    });
    expect((await h.run(onExternalEvent, 'onExternalEvent', { hello: 'world' }))[0]?.error?.status).toBe(400);
    expect((await h.run(onExternalEvent, 'onExternalEvent', { resource: 'user', event: 'user.opened', token: WEBHOOK_TOKEN, data: {} }))[0]?.data).toEqual({
      event: 'user.opened',
      ignored: 'not a call event',
    });
    expect(logsPosted(h)).toEqual([]);
  });

  it('refuses every delivery before the webhook is registered', async () => {
    h = createHarness(server);
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call())))[0]?.error).toEqual({
      status: 409,
      message: 'Callbridge has no Aircall webhook registered for this installation: reinstall the app',
    });
  });

  it('accepts deliveries with a pinned token', async () => {
    h = createHarness(server, { iparams: { webhook_token: 'pinned' } });
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call(), 'pinned')))[0]?.data).toMatchObject({ outcome: 'logged' });
  });
});

describe('nothing is lost', () => {
  it.each([
    ['the CRM failing', { status: 500 }],
    ['the CRM rate limit', { status: 429, headers: { 'retry-after': '1' } }],
    ['a CRM timeout', { timeoutMs: 500 }],
    ['the CRM unreachable', 'network'],
  ] as const)('with %s, the call is stored and logged by the next reconciliation, once', async (_name, outage) => {
    h = createHarness(server);
    await h.install();
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111' });
    const call = h.call();
    h.crm.outage(outage, (method, path) => method === 'POST' && path === '/phone_calls');
    const [answer] = await h.run(onExternalEvent, 'onExternalEvent', h.ended(call));
    expect(answer).toMatchObject({ error: null, data: { outcome: 'failed' } });
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ pending: 'failed', attempts: 1, retryable: true, progress: { target: { type: 'contact', id: contact.id } } });
    // The same delivery again while the CRM is down: recorded again, still nothing logged twice.
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(call));
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ pending: 'failed', attempts: 2 });

    h.crm.outage(undefined);
    h.advance(600);
    const [run] = await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' });
    expect(run?.data).toMatchObject({ examined: 1, outcomes: { logged: 1 } });
    expect(h.crm.phoneCalls.filter((c) => c.targetable_type === 'Contact')).toHaveLength(1);
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ outcome: 'logged' });

    // And a late redelivery of the webhook is a duplicate.
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(call)))[0]?.data).toMatchObject({ outcome: 'duplicate' });
    expect(h.crm.phoneCalls.filter((c) => c.targetable_type === 'Contact')).toHaveLength(1);
  });

  it('a retry never repeats a step that succeeded: the contact log stands, only the deal log is retried', async () => {
    h = createHarness(server);
    await h.install();
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111' });
    const deal = h.crm.add('deals', { name: 'Open', deal_stage_id: 711, contact_ids: [contact.id] });
    h.crm.outage({ status: 503 }, (method, path) => method === 'POST' && path === '/phone_calls' && h.crm.phoneCalls.length === 1);
    const call = h.call();
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(call));
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ pending: 'failed', progress: { contactLogId: String(h.crm.phoneCalls[0]!.id), dealId: deal.id } });
    h.crm.outage(undefined);
    await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' });
    expect(h.crm.phoneCalls.map((c) => c.targetable_type)).toEqual(['Contact', 'Deal']);
  });

  it('a placeholder created before a failed log is not created again', async () => {
    h = createHarness(server);
    await h.install();
    h.crm.outage({ status: 500 }, (method, path) => method === 'POST' && path === '/phone_calls');
    const call = h.call();
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(call));
    h.crm.outage(undefined);
    await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' });
    expect(h.crm.contacts).toHaveLength(1);
    expect(h.crm.phoneCalls).toHaveLength(1);
  });

  it('when the index points at a deleted record, asks the CRM again and logs against the right one', async () => {
    h = createHarness(server);
    await h.install();
    await h.fake.$db.set('ph:14155550111', { refs: [{ type: 'contact', id: 999, name: 'Gone' }] });
    const current = h.crm.add('contacts', { last_name: 'Now', mobile_number: '+14155550111' });
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call()));
    expect(h.crm.phoneCalls.map((c) => c.targetable_id)).toEqual([current.id]);
    expect(h.fake.$db.dump()['ph:14155550111']).toEqual({ refs: [{ type: 'contact', id: current.id, name: 'Now' }] });
  });

  it('gives up on a call that fails the same way three times, so reconciliation moves on', async () => {
    h = createHarness(server);
    await h.install();
    h.crm.outage({ status: 400, body: { errors: { code: 400, message: ['Mobile number is invalid'] } } }, (method, path) => method === 'POST' && path === '/contacts');
    const call = h.call();
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(call));
    await h.run(onExternalEvent, 'onExternalEvent', h.ended(call));
    const [third] = await h.run(onExternalEvent, 'onExternalEvent', h.ended(call));
    expect(third?.data).toMatchObject({ outcome: 'dead', detail: expect.stringContaining('Mobile number is invalid') as string });
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ outcome: 'dead' });
  });

  it('logs against the contact only when its linked deal is gone, and forgets the link', async () => {
    h = createHarness(server);
    await h.install();
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111' });
    await h.fake.$db.set(`deals:${contact.id}`, { deals: [{ id: 999, name: 'Deleted deal', at: 1 }] });
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call())))[0]?.data).toMatchObject({ outcome: 'logged' });
    expect(h.crm.phoneCalls.map((c) => c.targetable_type)).toEqual(['Contact']);
    expect(h.fake.$db.dump()[`deals:${contact.id}`]).toEqual({ deals: [] });
  });

  it('records a call for retry when $db fails part-way', async () => {
    h = createHarness(server);
    await h.install();
    const set = h.fake.$db.set.bind(h.fake.$db);
    h.fake.$db.set = (key, value, options) => (key.startsWith('ph:') ? platformReject(503, 'Service unavailable') : set(key, value, options));
    const call = h.call();
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(call)))[0]?.data).toMatchObject({ outcome: 'failed', detail: '$db or platform error 503' });
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ pending: 'failed', retryable: true, progress: { target: { type: 'contact' } } });
  });

  it('a call that rang before the install and failed is still retried: the watermark moves back to it', async () => {
    h = createHarness(server);
    await h.install();
    // Rang an hour before the install finished, so before the reconciliation's look-back.
    const call = h.call({}, 3600);
    h.crm.outage({ status: 503 });
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(call)))[0]?.data).toMatchObject({ outcome: 'failed' });
    expect(h.fake.$db.dump()['sync:phone']).toEqual({ from: call.started_at });
    h.crm.outage(undefined);
    expect((await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' }))[0]?.data).toMatchObject({ outcomes: { logged: 1 } });
    expect(h.crm.phoneCalls).toHaveLength(1);
  });

  it('at the platform\'s $db limit answers the delivery as deferred, recording nothing; the reconciliation logs it', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call({}, 60);
    const get = h.fake.$db.get.bind(h.fake.$db);
    h.fake.$db.get = (key) => (key.startsWith('call:') ? platformReject(429, 'Too many requests') : get(key));
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(call)))[0]).toMatchObject({ error: null, data: { outcome: 'deferred' } });
    expect(h.fake.$db.dump()).not.toHaveProperty(`call:${call.id}`);
    h.fake.$db.get = get;
    expect((await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' }))[0]?.data).toMatchObject({ outcomes: { logged: 1 } });
    // Any other $db failure is an error the platform sees.
    h.fake.$db.get = (key) => (key.startsWith('call:') ? platformReject(503, 'Service unavailable') : get(key));
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(h.call({}, 30))))[0]?.error).toMatchObject({ status: 503 });
  });

  it('never logs twice when $db refused to record a log that was written: the next try finds it in the CRM', async () => {
    h = createHarness(server);
    await h.install();
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111' });
    const call = h.call({}, 60);
    const set = h.fake.$db.set.bind(h.fake.$db);
    h.fake.$db.set = (key, value, options) => (key === `call:${call.id}` && 'outcome' in value ? platformReject(429, 'Too many requests') : set(key, value, options));
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(call)))[0]?.data).toMatchObject({ outcome: 'deferred' });
    expect(logsPosted(h)).toHaveLength(1);
    h.fake.$db.set = set;
    // Another delivery while the first try's claim is fresh waits; once it is stale, the CRM is asked first.
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(call)))[0]?.data).toMatchObject({ outcome: 'in_flight' });
    h.advance(61);
    expect((await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' }))[0]?.data).toMatchObject({ outcomes: { logged: 1 } });
    expect(logsPosted(h)).toHaveLength(1);
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ outcome: 'logged', target: { type: 'contact', id: contact.id }, logId: String(h.crm.phoneCalls[0]!.id) });
  });

  it('logs a call whose earlier try died before writing anything, and keeps checking while the CRM is down', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call({}, 120);
    await h.fake.$db.set(`call:${call.id}`, { pending: 'logging', at: h.now() - 90_000 });
    h.crm.outage({ status: 503 });
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(call)))[0]?.data).toMatchObject({ outcome: 'failed' });
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ pending: 'failed', progress: { verify: true } });
    h.crm.outage(undefined);
    expect((await h.run(onExternalEvent, 'onExternalEvent', h.ended(call)))[0]?.data).toMatchObject({ outcome: 'logged' });
    expect(logsPosted(h)).toHaveLength(1);
    expect(h.crm.contacts).toHaveLength(1);
  });

  it('keeps retrying while the CRM API key is wrong: an admin can fix it', async () => {
    h = createHarness(server);
    await h.install();
    h.crm.outage({ status: 401 });
    const call = h.call();
    for (let i = 0; i < 4; i += 1) await h.run(onExternalEvent, 'onExternalEvent', h.ended(call));
    expect(h.fake.$db.dump()[`call:${call.id}`]).toMatchObject({ pending: 'failed', attempts: 4, retryable: true });
  });
});
