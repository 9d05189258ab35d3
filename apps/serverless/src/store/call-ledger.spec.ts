import { createFakeDb, platformReject } from '@callbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { callLedger, CLAIM_SECONDS, REP_HOLD_SECONDS, type CallClaim } from './call-ledger';

const T0 = 1_795_000_000_000;

function setup() {
  let now = T0;
  const db = createFakeDb({ now: () => now });
  return { db, ledger: callLedger(db), now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

const claimOf = (result: { claim: CallClaim } | { busy: string }) => {
  if (!('claim' in result)) throw new Error(`expected a claim, the call was ${result.busy}`);
  return result.claim;
};

describe('callLedger', () => {
  it('takes a new call with three $db calls: read, claim, settle', async () => {
    const { db, ledger, now } = setup();
    const claim = claimOf(await ledger.claim('812', await ledger.read('812'), now()));
    await ledger.settle(claim, { at: now(), outcome: 'logged', logId: '9' });
    expect(db.calls.map((c) => `${c.method} ${c.key}`)).toEqual(['get call:812', 'set call:812', 'set call:812']);
    expect(db.dump()).toEqual({ 'call:812': { at: T0, outcome: 'logged', logId: '9' } });
  });

  it('lets one of two concurrent first deliveries take the call; the other sees it in flight', async () => {
    const { ledger, now } = setup();
    const [a, b] = await Promise.all([ledger.claim('812', undefined, now()), ledger.claim('812', undefined, now())]);
    expect([a, b].filter((r) => 'claim' in r)).toHaveLength(1);
    expect([a, b].find((r) => 'busy' in r)).toMatchObject({ busy: 'in_flight', entry: { pending: 'logging' } });
  });

  it('answers settled when the other delivery finished before the claim', async () => {
    const { ledger, now } = setup();
    const first = claimOf(await ledger.claim('812', undefined, now()));
    await ledger.settle(first, { at: now(), outcome: 'skipped', reason: 'no number' });
    expect(await ledger.claim('812', undefined, now())).toMatchObject({ busy: 'settled', entry: { outcome: 'skipped' } });
  });

  it('retries a failure through a claim marker that it removes, keeping the failure as the previous entry', async () => {
    const { db, ledger, now } = setup();
    const first = claimOf(await ledger.claim('812', undefined, now()));
    await ledger.fail(first, { at: now(), attempts: 1, retryable: true, error: 'x'.repeat(900), progress: { contactLogId: '5' } });
    expect(db.dump()['call:812']).toMatchObject({ pending: 'failed', error: 'x'.repeat(500) });
    const retry = claimOf(await ledger.claim('812', await ledger.read('812'), now()));
    expect(retry.previous).toMatchObject({ pending: 'failed', attempts: 1, progress: { contactLogId: '5' } });
    expect(db.dump()).toHaveProperty('claim:812');
    // While the marker stands, nobody else takes it.
    expect(await ledger.claim('812', await ledger.read('812'), now())).toMatchObject({ busy: 'in_flight' });
    await ledger.settle(retry, { at: now(), outcome: 'logged' });
    expect(Object.keys(db.dump())).toEqual(['call:812']);
  });

  it('gives a dead handler\'s claim to the next one after a minute, and frees a first claim it abandons', async () => {
    const { db, ledger, now, advance } = setup();
    claimOf(await ledger.claim('812', undefined, now()));
    expect(await ledger.claim('812', await ledger.read('812'), now())).toMatchObject({ busy: 'in_flight' });
    advance(CLAIM_SECONDS + 1);
    const next = claimOf(await ledger.claim('812', await ledger.read('812'), now()));
    await ledger.abandon(next);
    expect(db.dump()).toEqual({ 'call:812': { pending: 'logging', at: T0 } });

    const fresh = claimOf(await ledger.claim('900', undefined, now()));
    await ledger.abandon(fresh);
    expect(db.dump()).not.toHaveProperty('call:900');
  });

  it('backs off when another invocation settled the call between the read and the marker', async () => {
    const { db, ledger, now } = setup();
    const first = claimOf(await ledger.claim('812', undefined, now()));
    await ledger.fail(first, { at: now(), attempts: 1, retryable: true, error: 'down', progress: {} });
    const stale = await ledger.read('812');
    await db.set('call:812', { at: now(), outcome: 'logged' });
    expect(await ledger.claim('812', stale, now())).toMatchObject({ busy: 'settled' });
    expect(db.dump()).not.toHaveProperty('claim:812');
  });

  it('keeps a call for the rep: the server waits, the rep takes it, a skipped call is still the rep\'s to log', async () => {
    const { db, ledger, now, advance } = setup();
    expect(await ledger.holdForRep('812', now())).toBe('held');
    expect(await ledger.holdForRep('812', now())).toBe('kept');
    expect(await ledger.claim('812', await ledger.read('812'), now())).toMatchObject({ busy: 'held' });
    const rep = claimOf(await ledger.claim('812', await ledger.read('812'), now(), { asRep: true }));
    await ledger.settle(rep, { at: now(), outcome: 'logged', logId: '1' });
    expect(await ledger.holdForRep('812', now())).toBe('settled');

    const skipped = claimOf(await ledger.claim('900', undefined, now()));
    await ledger.settle(skipped, { at: now(), outcome: 'skipped', reason: 'unknown caller' });
    expect(await ledger.claim('900', await ledger.read('900'), now())).toMatchObject({ busy: 'settled' });
    expect('claim' in (await ledger.claim('900', await ledger.read('900'), now(), { asRep: true }))).toBe(true);

    // After the hold ends the server takes the call.
    await ledger.holdForRep('901', now());
    advance(REP_HOLD_SECONDS + 1);
    expect('claim' in (await ledger.claim('901', await ledger.read('901'), now()))).toBe(true);
    expect(db.dump()).toHaveProperty('claim:901');
  });

  it('renews a hold running out, and leaves a call being logged alone', async () => {
    const { db, ledger, now, advance } = setup();
    await ledger.holdForRep('812', now());
    advance(11 * 60);
    expect(await ledger.holdForRep('812', now())).toBe('held');
    expect(db.dump()['call:812']).toMatchObject({ pending: 'held', until: now() + REP_HOLD_SECONDS * 1000 });
    expect(db.dump()).not.toHaveProperty('claim:812');

    claimOf(await ledger.claim('900', undefined, now()));
    expect(await ledger.holdForRep('900', now())).toBe('busy');
    // A failed try is taken over by the rep.
    await db.set('call:901', { pending: 'failed', at: now(), attempts: 1, retryable: true, error: 'down', progress: {} });
    expect(await ledger.holdForRep('901', now())).toBe('held');
  });

  it('answers busy when a first hold loses the race to a delivery', async () => {
    const { db, ledger, now } = setup();
    const get = db.get.bind(db);
    db.get = async (key) => {
      const value = get(key);
      // The delivery claims the call right after the hold read nothing.
      await db.set('call:812', { pending: 'logging', at: now() }).catch(() => undefined);
      return value;
    };
    expect(await ledger.holdForRep('812', now())).toBe('busy');
  });

  it('gives the marker back even when the settle write fails', async () => {
    const { db, ledger, now } = setup();
    await db.set('call:812', { pending: 'failed', at: now(), attempts: 1, retryable: true, error: 'down', progress: {} });
    const retry = claimOf(await ledger.claim('812', await ledger.read('812'), now()));
    const set = db.set.bind(db);
    db.set = (key, value, options) => (key === 'call:812' ? platformReject(429, 'Too many requests') : set(key, value, options));
    await expect(ledger.settle(retry, { at: now(), outcome: 'logged' })).rejects.toMatchObject({ status: 429 });
    expect(db.dump()).not.toHaveProperty('claim:812');
  });
});
