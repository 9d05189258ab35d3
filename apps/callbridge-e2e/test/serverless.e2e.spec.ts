/**
 * Issue 8 in the emulator: the serverless side of Callbridge with the embedded phone system (Aircall) and CRMs.
 * No browser: the automation API drives the phone system and reads the CRMs, `$db` and schedules.
 *
 * One emulator for the file. The phone system is one Aircall company shared by both installations, so every
 * simulated call reaches both products' webhooks; each test uses its own caller number. `/_emulator/reset` is not
 * used: it would drop the installations' `$db` keys and schedules, which these tests are about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, demoIparams, startApp, type RunningApp } from './support/app';
import {
  emulatorState,
  phoneState,
  printEmulatorLogOnFailure,
  PRODUCTS,
  runCounts,
  targetUrl,
  waitForRuns,
  type Delivery,
  type EmulatorState,
  type PhoneCallRecord,
  type Product,
} from './support/state';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});
printEmulatorLogOnFailure(() => app);
afterAll(async () => {
  await api(app, 'DELETE', '/_emulator/crm/faults').catch(() => undefined);
  await app?.stop();
});

/** The webhook events Callbridge subscribes to; every simulated answered call sends all three. */
const CALL_EVENTS = ['call.created', 'call.answered', 'call.ended'];

interface Simulated {
  callId: number;
  call: { id: number; started_at: number; duration: number; answered_at: number | null; ended_at: number };
}

/** Plays a finished inbound call and waits until both products' onExternalEvent ran for each of its deliveries. */
async function simulateCall(from: string, extra: Record<string, unknown> = {}): Promise<Simulated> {
  const before = runCounts(app, 'onExternalEvent');
  const simulated = await api<Simulated>(app, 'POST', '/_emulator/phone/calls', { from, wait: true, ...extra });
  const sent = (await phoneState(app)).deliveries.filter((d) => d.callId === simulated.callId && !d.redelivery);
  expect(sent.map((d) => d.event).sort()).toEqual([...CALL_EVENTS, ...CALL_EVENTS].sort());
  expect(sent.every((d) => d.state === 'delivered' && d.status === 200)).toBe(true);
  await waitForRuns(app, 'onExternalEvent', before, CALL_EVENTS.length);
  return simulated;
}

const digits = (phone: unknown) => (typeof phone === 'string' ? phone.replace(/\D/g, '') : '');
const contactsWith = (state: EmulatorState, product: Product, phone: string) =>
  state.crm[product].contacts.filter((c) => [c.mobile_number, c.work_number].some((n) => digits(n) === digits(phone)));
const callsFrom = (state: EmulatorState, product: Product, phone: string) => state.crm[product].phone_calls.filter((c) => digits(c.number) === digits(phone));
const noteOf = (call: PhoneCallRecord) => call.note?.description ?? '';

/** Moves emulated time past the next reconciliation of every product, and waits until each ran. */
async function fireReconciliation(): Promise<void> {
  const state = await emulatorState(app);
  const due = PRODUCTS.map((product) => {
    const schedule = state.schedules[product]?.find((s) => s.name === 'callbridge-reconcile');
    expect(schedule, `${product} has its reconciliation schedule`).toBeDefined();
    return Date.parse(schedule!.next_run_at);
  });
  const before = runCounts(app, 'onScheduledEvent');
  await api(app, 'POST', '/_emulator/clock/advance', { ms: Math.max(...due) - Date.parse(state.now) + 1_000 });
  await waitForRuns(app, 'onScheduledEvent', before, 1);
}

/**
 * `$db` allows 50 calls a minute per product (a window on emulated time); a burst of webhooks spends that budget,
 * so each test starts a minute later, away from the schedules (the first runs 6 minutes after install).
 */
const aMinuteLater = () => api(app, 'POST', '/_emulator/clock/advance', { ms: 61_000 });

describe('Callbridge serverless in the emulator (issue 8)', () => {
  it('install registers one webhook per product at its external-event URL, keeps it in $db and schedules the reconciliation', async () => {
    const [phone, state] = await Promise.all([phoneState(app), emulatorState(app)]);
    expect(state.installed).toEqual([...PRODUCTS]);
    for (const product of PRODUCTS) {
      const url = await targetUrl(app, product);
      expect(url).toMatch(new RegExp(`^${app.url}/_fdk/external/${product}/[0-9a-f]+$`));
      const hooks = phone.webhooks.filter((w) => w.url === url);
      expect(hooks).toHaveLength(1);
      const [hook] = hooks;
      expect(hook).toMatchObject({ active: true, custom_name: 'Callbridge' });
      expect(hook!.events).toEqual(expect.arrayContaining(['call.ended']));
      expect(state.db[product]?.['hook:phone']).toEqual({ provider: 'aircall', id: hook!.webhook_id, token: hook!.token, pinned: false });
      expect(state.schedules[product]).toEqual([expect.objectContaining({ name: 'callbridge-reconcile', repeat: { time_unit: 'minutes', frequency: 5 } })]);
    }
    expect(phone.webhooks).toHaveLength(PRODUCTS.length);
  });

  it('logs a call from an unknown number once, against one new placeholder contact (auto-log on)', async () => {
    await aMinuteLater();
    const from = '+14155557001';
    const before = await emulatorState(app);
    const { callId, call } = await simulateCall(from);
    const state = await emulatorState(app);
    for (const product of PRODUCTS) {
      expect(contactsWith(before, product, from)).toHaveLength(0);
      const placeholders = contactsWith(state, product, from);
      expect(placeholders).toHaveLength(1);
      const [placeholder] = placeholders;
      expect(placeholder).toMatchObject({ display_name: 'Unknown caller', mobile_number: from });
      expect(state.crm[product].contacts).toHaveLength(before.crm[product].contacts.length + 1);

      const logs = callsFrom(state, product, from);
      expect(logs).toHaveLength(1);
      const [log] = logs;
      expect(log).toMatchObject({ targetable_type: 'Contact', targetable_id: placeholder!.id, call_direction: true, outcome: 'Connected' });
      expect(log!.call_duration).toBe(call.ended_at - call.answered_at!);
      expect(noteOf(log!)).toContain(`Aircall call ${callId}`);
      expect(state.crm[product].phone_calls).toHaveLength(before.crm[product].phone_calls.length + 1);
      expect(state.db[product]?.[`call:${callId}`]).toMatchObject({ outcome: 'logged', logId: String(log!.id), target: { type: 'contact', id: placeholder!.id } });
    }
  });

  it('logs a call from a known contact against the contact and its open deal, creating no contact', async () => {
    await aMinuteLater();
    const from = '+14155550111'; // Ada Lovelace (101), on the open deal 401 "Globex renewal 2027"
    const before = await emulatorState(app);
    const { callId } = await simulateCall(from);
    const state = await emulatorState(app);
    for (const product of PRODUCTS) {
      expect(state.crm[product].contacts).toHaveLength(before.crm[product].contacts.length);
      const added = state.crm[product].phone_calls.filter((c) => !before.crm[product].phone_calls.some((b) => b.id === c.id));
      expect(added.map((c) => [c.targetable_type, c.targetable_id]).sort()).toEqual([
        ['Contact', 101],
        ['Deal', 401],
      ]);
      expect(added.every((c) => noteOf(c).includes(`Aircall call ${callId}`))).toBe(true);
    }
  });

  it('logs a call once when its webhooks arrive three times, concurrently and out of order', async () => {
    await aMinuteLater();
    const from = '+14155557002';
    const before = runCounts(app, 'onExternalEvent');
    // The call's deliveries and two provider retries of all of them go out back to back; the emulator acknowledges
    // each webhook at once, so the app's handlers for the three `call.ended` deliveries run side by side, and the
    // retried `call.created` and `call.answered` arrive after `call.ended`.
    const { callId } = await api<Simulated>(app, 'POST', '/_emulator/phone/calls', { from });
    const retries = await Promise.all([1, 2].map(() => api<{ redelivered: number }>(app, 'POST', `/_emulator/phone/calls/${callId}/redeliver`, { wait: true })));
    expect(retries.map((r) => r.redelivered)).toEqual([6, 6]);
    await waitForRuns(app, 'onExternalEvent', before, 3 * CALL_EVENTS.length);
    const deliveries = (await phoneState(app)).deliveries.filter((d) => d.callId === callId);
    expect(deliveries.filter((d) => d.event === 'call.ended')).toHaveLength(3 * PRODUCTS.length);
    expect(deliveries.every((d) => d.state === 'delivered')).toBe(true);

    // And once more, in reverse order (ended, answered, created), all at once, as the phone system sent them.
    const afterRetries = runCounts(app, 'onExternalEvent');
    const originals = deliveries.filter((d) => !d.redelivery).sort((a, b) => CALL_EVENTS.indexOf(b.event) - CALL_EVENTS.indexOf(a.event));
    const replay = (d: Delivery) => fetch(d.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(d.payload) });
    const answers = await Promise.all(originals.map(replay));
    expect(answers.map((r) => r.status)).toEqual(originals.map(() => 200));
    await waitForRuns(app, 'onExternalEvent', afterRetries, CALL_EVENTS.length);

    const state = await emulatorState(app);
    for (const product of PRODUCTS) {
      expect(contactsWith(state, product, from), `${product} placeholder contacts`).toHaveLength(1);
      expect(callsFrom(state, product, from), `${product} call logs`).toHaveLength(1);
      expect(state.db[product]?.[`call:${callId}`]).toMatchObject({ outcome: 'logged' });
      expect(state.db[product]?.[`claim:${callId}`]).toBeUndefined();
    }
    // Nothing here was cut short by the platform's limits ($db's 50 a minute, requests' queue).
    expect(app.logs.filter((line) => /exceeded the limit|\b429\b(?! ms)/.test(line))).toEqual([]);
  });

  it('with the CRM failing, records the failure and logs the call once at the next reconciliation after it recovers', async () => {
    await aMinuteLater();
    const from = '+14155557003';
    for (const product of PRODUCTS) await api(app, 'POST', '/_emulator/crm/faults', { product, status: 503 });
    let state: EmulatorState;
    try {
      const { callId, call } = await simulateCall(from);
      state = await emulatorState(app);
      for (const product of PRODUCTS) {
        // The call started after the install (see the next describe for one that did not).
        expect(call.started_at).toBeGreaterThanOrEqual((state.db[product]?.['sync:phone'] as { from: number }).from);
        expect(contactsWith(state, product, from)).toHaveLength(0);
        expect(callsFrom(state, product, from)).toHaveLength(0);
        const failure = state.db[product]?.[`call:${callId}`] as { pending: string; attempts: number; retryable: boolean; error: string } | undefined;
        expect(failure).toMatchObject({ pending: 'failed', attempts: 1, retryable: true });
        expect(failure?.error).toContain('503');
      }

      // Still down at the next run: nothing logged, the call stays due.
      await fireReconciliation();
      state = await emulatorState(app);
      for (const product of PRODUCTS) {
        expect(callsFrom(state, product, from)).toHaveLength(0);
        expect(state.db[product]?.[`call:${callId}`]).toMatchObject({ pending: 'failed', attempts: 2, retryable: true });
      }
    } finally {
      await api(app, 'DELETE', '/_emulator/crm/faults');
    }

    await fireReconciliation();
    state = await emulatorState(app);
    for (const product of PRODUCTS) {
      const placeholders = contactsWith(state, product, from);
      expect(placeholders, `${product} placeholder contacts`).toHaveLength(1);
      const logs = callsFrom(state, product, from);
      expect(logs, `${product} call logs`).toHaveLength(1);
      expect(logs[0]).toMatchObject({ targetable_type: 'Contact', targetable_id: placeholders[0]!.id });
      const callId = (await phoneState(app)).calls.find((c) => digits(c.raw_digits) === digits(from))!.id;
      expect(state.db[product]?.[`call:${callId}`]).toEqual(expect.objectContaining({ outcome: 'logged', logId: String(logs[0]!.id) }));
      expect(state.db[product]?.[`call:${callId}`]).not.toHaveProperty('pending');
    }

    // A later run finds nothing more to do.
    await fireReconciliation();
    state = await emulatorState(app);
    for (const product of PRODUCTS) expect(callsFrom(state, product, from)).toHaveLength(1);
  });

  describe('a call that was ringing while the app was installed', () => {
    const product: Product = 'freshsales';
    const from = '+14155557004';
    let callId = 0;

    it('is recorded for the reconciliation when the CRM fails to log it', async () => {
      await aMinuteLater();
      ({ callId } = await api<Simulated>(app, 'POST', '/_emulator/phone/calls', { from, live: true, wait: true }));
      await api(app, 'POST', '/_emulator/clock/advance', { ms: 20_000 });
      // The admin reinstalls while the call rings; a first install sets the watermark the same way.
      await api(app, 'POST', '/_emulator/uninstall', { product });
      expect(await api(app, 'POST', '/_emulator/install', { product, iparams: (await demoIparams())[product] })).toEqual({ ok: true });
      await api(app, 'POST', '/_emulator/crm/faults', { product, status: 503 });
      try {
        const before = runCounts(app, 'onExternalEvent');
        await api(app, 'POST', `/_emulator/phone/calls/${callId}/answer`, { wait: true });
        await api(app, 'POST', `/_emulator/phone/calls/${callId}/hangup`, { wait: true });
        await waitForRuns(app, 'onExternalEvent', before, 2);
      } finally {
        await api(app, 'DELETE', '/_emulator/crm/faults');
      }
      const state = await emulatorState(app);
      expect(callsFrom(state, product, from)).toHaveLength(0);
      expect(state.db[product]?.[`call:${callId}`]).toMatchObject({ pending: 'failed', attempts: 1, retryable: true });
      // The other product, installed long before the call, logged it at once.
      expect(callsFrom(state, 'freshworks_crm', from)).toHaveLength(1);
    });

    // The reconciliation starts before the install (INSTALL_LOOK_BACK_SECONDS), and a failed call that rang earlier
    // still moves the watermark back to it: the call is not lost.
    it('is logged by the next reconciliation once the CRM recovers', async () => {
      expect(callId).toBeGreaterThan(0);
      await fireReconciliation();
      const state = await emulatorState(app);
      expect(callsFrom(state, product, from)).toHaveLength(1);
      expect(state.db[product]?.[`call:${callId}`]).toMatchObject({ outcome: 'logged' });
    });
  });

  it('skips an unknown caller, creating nothing, when the installation creates no placeholder contacts', async () => {
    await aMinuteLater();
    const product: Product = 'freshworks_crm';
    const iparams = await demoIparams((values, p) => {
      if (p === product) values.auto_create_contacts = false;
    });
    expect(await api(app, 'POST', '/_emulator/install', { product, iparams: iparams[product] })).toEqual({ ok: true });
    try {
      const from = '+14155557005';
      const { callId } = await simulateCall(from);
      const state = await emulatorState(app);
      expect(contactsWith(state, product, from)).toHaveLength(0);
      expect(callsFrom(state, product, from)).toHaveLength(0);
      expect(state.db[product]?.[`call:${callId}`]).toMatchObject({ outcome: 'skipped' });
      // The other installation still auto-creates.
      expect(callsFrom(state, 'freshsales', from)).toHaveLength(1);
    } finally {
      await api(app, 'POST', '/_emulator/install', { product, iparams: (await demoIparams())[product] });
    }
  });

  it('uninstall removes the webhook, the schedule and the $db keys; calls then reach no installation; a reinstall registers one webhook again', async () => {
    await aMinuteLater();
    for (const product of PRODUCTS) expect(await api(app, 'POST', '/_emulator/uninstall', { product })).toEqual({ ok: true, uninstalled: true });
    const [phone, state] = await Promise.all([phoneState(app), emulatorState(app)]);
    expect(phone.webhooks).toEqual([]);
    expect(state.installed).toEqual([]);
    for (const product of PRODUCTS) {
      expect(state.schedules[product] ?? []).toEqual([]);
      expect(state.db[product]?.['hook:phone']).toBeUndefined();
      expect(state.db[product]?.['sync:phone']).toBeUndefined();
      expect(await targetUrl(app, product)).toBeUndefined();
    }

    const from = '+14155557006';
    const { callId } = await api<Simulated>(app, 'POST', '/_emulator/phone/calls', { from, wait: true });
    expect((await phoneState(app)).deliveries.filter((d) => d.callId === callId)).toEqual([]);
    const after = await emulatorState(app);
    for (const product of PRODUCTS) expect(callsFrom(after, product, from)).toHaveLength(0);

    const iparams = await demoIparams();
    for (const product of PRODUCTS) expect(await api(app, 'POST', '/_emulator/install', { product, iparams: iparams[product] })).toEqual({ ok: true });
    const again = await phoneState(app);
    expect(again.webhooks).toHaveLength(PRODUCTS.length);
    const reinstalled = await emulatorState(app);
    for (const product of PRODUCTS) {
      const hook = again.webhooks.find((w) => w.webhook_id === (reinstalled.db[product]?.['hook:phone'] as { id?: string } | undefined)?.id);
      expect(hook?.url, `${product}'s new webhook`).toBe(await targetUrl(app, product));
    }
  });
});
