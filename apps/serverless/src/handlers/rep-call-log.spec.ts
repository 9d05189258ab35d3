import { platformReject } from '@callbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { createHarness, setupHarnessServer, type Harness, type HarnessOptions } from '../testing/harness';
import { onExternalEvent } from './on-external-event';
import { onScheduledEvent } from './on-scheduled-event';
import { createPlaceholderContact, currentCall, logCall } from './server-methods';

const server = setupHarnessServer();
let h: Harness;

type PostedCall = { phone_call: { targetable_type: string; targetable: { id: number }; call_duration: number; note?: { description: string } } };
const posted = () => h.crm.posted.filter((p) => p.path === '/phone_calls').map((p) => (p.body as PostedCall).phone_call);
const deliver = async (delivery: Record<string, unknown>) => (await h.run(onExternalEvent, 'onExternalEvent', delivery))[0];
const repLog = (callId: string, target: { type: string; id: number; name?: string }, extra: Record<string, unknown> = {}) =>
  h.invoke(logCall, { target, direction: 'inbound', outcome: 'Busy', durationSeconds: 95, notes: 'Call back Friday', phone: '+14155550199', callId, ...extra });

/** A call from +14155550199 the phone app showed the rep (so it is held for the rep) and that has ended. */
async function handledCall(options: HarnessOptions = {}) {
  h = createHarness(server, options);
  await h.install();
  const call = h.call({ raw_digits: '+1 415-555-0199' });
  const [created, , ended] = h.deliveries(call);
  await deliver(created!);
  await h.invoke(currentCall, { handling: String(call.id) });
  return { call, callId: String(call.id), ended: ended! };
}

describe('logCall for a phone system call (the phone app\'s after-call form)', () => {
  it('writes the rep\'s log once: the webhook leaves the held call, later deliveries and reconciliation find it logged', async () => {
    const { callId, ended } = await handledCall({ iparams: { auto_create_contacts: false } });
    const [placeholder] = await h.invoke(createPlaceholderContact, { phone: '+14155550199', name: 'Ana Caller', type: 'contact' });
    const contact = (placeholder?.data as { contact: { id: number } }).contact;
    expect((await deliver(ended))?.data).toMatchObject({ outcome: 'held' });

    const [answer] = await repLog(callId, { type: 'contact', id: contact.id, name: 'Ana Caller' });
    expect(answer).toMatchObject({ error: null, data: { call: { direction: 'inbound', durationSeconds: 95, notes: 'Call back Friday' } } });
    expect(answer?.data).not.toHaveProperty('alreadyLogged');
    expect(posted()).toEqual([expect.objectContaining({ targetable_type: 'Contact', targetable: { id: contact.id }, call_duration: 95 })]);
    expect(h.fake.$db.dump()[`call:${callId}`]).toMatchObject({ outcome: 'logged', target: { type: 'contact', id: contact.id, name: 'Ana Caller' } });
    expect(Object.keys(h.fake.$db.dump()).filter((k) => /^(rep|lock|fail):/.test(k))).toEqual([]);

    expect((await deliver(ended))?.data).toMatchObject({ outcome: 'duplicate' });
    h.advance(600);
    await h.run(onScheduledEvent, 'onScheduledEvent', { kind: 'reconcile' });
    expect(posted()).toHaveLength(1);
  });

  it('answers the earlier log, writing nothing, when the server logged the call first', async () => {
    h = createHarness(server);
    await h.install();
    const call = h.call({ raw_digits: '+1 415-555-0199' });
    expect((await deliver(h.ended(call)))?.data).toMatchObject({ outcome: 'logged' });
    const [answer] = await repLog(String(call.id), { type: 'contact', id: h.crm.contacts[0]!.id });
    expect(answer).toMatchObject({ error: null, data: { alreadyLogged: true, call: { id: String(h.crm.phoneCalls[0]!.id), durationSeconds: 185 } } });
    expect(posted()).toHaveLength(1);
  });

  it('logs a call the server skipped (an unknown caller, no placeholders), and settles it', async () => {
    h = createHarness(server, { iparams: { auto_create_contacts: false } });
    await h.install();
    const call = h.call({ raw_digits: '+1 415-555-0199' });
    expect((await deliver(h.ended(call)))?.data).toMatchObject({ outcome: 'skipped' });
    const contact = h.crm.add('contacts', { last_name: 'Caller', mobile_number: '+14155550199' });
    expect((await repLog(String(call.id), { type: 'contact', id: contact.id }))[0]?.error).toBeNull();
    expect(h.fake.$db.dump()[`call:${call.id}`]).toEqual({ at: h.now(), outcome: 'logged', logId: String(h.crm.phoneCalls[0]!.id) });
    expect(posted()).toHaveLength(1);
    // The settled call reads back: a later delivery is a duplicate, not a $db error.
    expect((await deliver(h.ended(call)))?.data).toMatchObject({ outcome: 'duplicate' });
  });

  it('asks the rep to try again while a delivery is logging the same call', async () => {
    const { callId } = await handledCall();
    // A retry of a failed log holds the claim marker.
    await h.fake.$db.set(`claim:${callId}`, { at: h.now() });
    expect((await repLog(callId, { type: 'contact', id: 1 }))[0]?.error).toEqual({ status: 409, message: 'Callbridge is logging this call right now: try again in a moment' });
    expect(posted()).toEqual([]);
  });

  it('asks the rep to try again while a first delivery is logging it, and takes it over from a delivery that died', async () => {
    const { callId } = await handledCall();
    await h.fake.$db.set(`call:${callId}`, { pending: 'logging', at: h.now() });
    expect((await repLog(callId, { type: 'contact', id: 1 }))[0]?.error).toMatchObject({ status: 409 });
    h.advance(61);
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550199' });
    expect((await repLog(callId, { type: 'contact', id: contact.id }))[0]?.error).toBeNull();
    expect(h.fake.$db.dump()[`call:${callId}`]).toMatchObject({ outcome: 'logged' });
    expect(Object.keys(h.fake.$db.dump()).filter((key) => key.startsWith('claim:'))).toEqual([]);
  });

  it('leaves the call free for the server when the CRM refuses the rep\'s log', async () => {
    const { callId } = await handledCall();
    h.crm.outage({ status: 503 });
    expect((await repLog(callId, { type: 'contact', id: 1 }))[0]?.error).toMatchObject({ status: 503 });
    // Still held for the rep, who can try again.
    expect(h.fake.$db.dump()[`call:${callId}`]).toMatchObject({ pending: 'held' });
    expect(Object.keys(h.fake.$db.dump()).filter((key) => key.startsWith('claim:'))).toEqual([]);
  });

  it('goes on the contact\'s open deal as the installation says', async () => {
    const { callId } = await handledCall();
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550199' });
    const deal = h.crm.add('deals', { name: 'Open', deal_stage_id: 711, contact_ids: [contact.id] });
    await repLog(callId, { type: 'contact', id: contact.id });
    expect(posted().map((c) => [c.targetable_type, c.targetable.id])).toEqual([
      ['Contact', contact.id],
      ['Deal', deal.id],
    ]);
  });

  it('fails nothing when the open deal the rep did not ask for cannot take the log', async () => {
    const { callId } = await handledCall();
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550199' });
    h.crm.add('deals', { name: 'Open', deal_stage_id: 711, contact_ids: [contact.id] });
    h.crm.outage({ status: 500 }, (method, path) => method === 'POST' && path === '/phone_calls' && h.crm.phoneCalls.length === 1);
    expect((await repLog(callId, { type: 'contact', id: contact.id }))[0]?.error).toBeNull();
    expect(h.crm.phoneCalls.map((c) => c.targetable_type)).toEqual(['Contact']);
  });

  it('logs on the deal the rep chose, and says when that fails', async () => {
    const { callId } = await handledCall({ iparams: { attach_to_open_deal: false } });
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550199' });
    const deal = h.crm.add('deals', { name: 'Open', deal_stage_id: 711, contact_ids: [contact.id] });
    h.crm.outage({ status: 422, body: { errors: { code: 422, message: ['Deal is closed'] } } }, (method, path) => method === 'POST' && path === '/phone_calls' && h.crm.phoneCalls.length === 1);
    const [answer] = await repLog(callId, { type: 'contact', id: contact.id, name: 'Doe' }, { dealId: deal.id });
    expect(answer?.error).toMatchObject({ status: 422, message: expect.stringMatching(/^The call was logged against the contact, but not against deal \d+: /) as string });
    expect(h.fake.$db.dump()[`call:${callId}`]).toMatchObject({ outcome: 'logged', target: { type: 'contact', id: contact.id, name: 'Doe' } });
  });

  it('logs a call against a deal once, and settles it without a person', async () => {
    const { callId } = await handledCall();
    const deal = h.crm.add('deals', { name: 'Open', deal_stage_id: 711 });
    expect((await repLog(callId, { type: 'deal', id: deal.id, name: 'Open' }, { dealId: deal.id }))[0]?.error).toBeNull();
    expect(posted().map((c) => c.targetable_type)).toEqual(['Deal']);
    expect(h.fake.$db.dump()[`call:${callId}`]).not.toHaveProperty('target');
  });

  it('answers the log it wrote even when the ledger cannot record it, so the rep does not save it twice', async () => {
    const { callId } = await handledCall({ iparams: { attach_to_open_deal: false } });
    const set = h.fake.$db.set.bind(h.fake.$db);
    h.fake.$db.set = (key, value, options) => (key.startsWith('call:') ? platformReject(503, 'Service unavailable') : set(key, value, options));
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550199' });
    expect((await repLog(callId, { type: 'contact', id: contact.id }))[0]).toMatchObject({ error: null, data: { call: { durationSeconds: 95 } } });
    expect(posted()).toHaveLength(1);
  });
});
