import type { LiveCall } from '@callbridge/contracts';
import { createFakeDb } from '@callbridge/core/testing';
import type { PhoneCall } from '@callbridge/phone-provider';
import { describe, expect, it } from 'vitest';
import { liveCallOf, liveCallStore, nextLiveCall } from './live-call';

const phoneCall = (overrides: Partial<PhoneCall> = {}): PhoneCall => ({
  id: '812',
  direction: 'inbound',
  state: 'ringing',
  startedAtSeconds: 1_795_000_000,
  startedAt: '2026-11-18T08:26:40.000Z',
  answered: false,
  talkSeconds: 0,
  externalNumber: '+14155550199',
  rawNumber: '+1 415-555-0199',
  outcome: 'No answer',
  comments: [],
  ...overrides,
});

const live = (overrides: Partial<LiveCall> = {}): LiveCall => ({
  callId: '812',
  phone: '+14155550199',
  direction: 'inbound',
  state: 'ringing',
  startedAt: '2026-11-18T08:26:40.000Z',
  ...overrides,
});

describe('liveCallOf', () => {
  it('reads where the call stands from the event and the call, whichever is further', () => {
    expect(liveCallOf({ kind: 'call', name: 'call.created', call: phoneCall() })).toEqual(live());
    expect(liveCallOf({ kind: 'call', name: 'call.answered', call: phoneCall({ state: 'in_progress' }) })?.state).toBe('answered');
    // A hang-up can arrive before Aircall marks the call done: it is over all the same.
    expect(liveCallOf({ kind: 'call', name: 'call.hungup', call: phoneCall({ state: 'in_progress' }) })).toEqual(live({ state: 'ended', durationSeconds: 0 }));
    expect(liveCallOf({ kind: 'call', name: 'call.created', call: phoneCall({ state: 'ended', answered: true, talkSeconds: 95, outcome: 'Connected' }) })).toEqual(
      live({ state: 'ended', durationSeconds: 95, outcome: 'Connected' }),
    );
  });

  it('gives the phone system\'s outcome once the call is done, and only one the CRM knows', () => {
    expect(liveCallOf({ kind: 'call', name: 'call.ended', call: phoneCall({ state: 'ended', outcome: 'Left voicemail' }) })).toMatchObject({ outcome: 'Left voicemail' });
    // A hang-up before the call is done: how it went is not known yet.
    expect(liveCallOf({ kind: 'call', name: 'call.hungup', call: phoneCall({ state: 'in_progress', outcome: 'No answer' }) })).not.toHaveProperty('outcome');
    expect(liveCallOf({ kind: 'call', name: 'call.ended', call: phoneCall({ state: 'ended', outcome: 'Transferred' }) })).not.toHaveProperty('outcome');
  });

  it('tracks nothing for other events, withheld numbers, or what is not a call', () => {
    expect(liveCallOf({ kind: 'call', name: 'call.commented', call: phoneCall() })).toBeUndefined();
    const { externalNumber: _withheld, ...anonymous } = phoneCall({ rawNumber: 'anonymous' });
    expect(liveCallOf({ kind: 'call', name: 'call.created', call: anonymous })).toBeUndefined();
    expect(liveCallOf({ kind: 'other', name: 'user.opened' })).toBeUndefined();
  });
});

describe('nextLiveCall', () => {
  it('moves a call forward, never back', () => {
    expect(nextLiveCall(undefined, live())).toEqual(live());
    expect(nextLiveCall(live(), live({ state: 'answered' }))).toEqual(live({ state: 'answered' }));
    expect(nextLiveCall(live({ state: 'answered' }), live())).toBeUndefined();
    expect(nextLiveCall(live({ state: 'ended', durationSeconds: 95 }), live({ state: 'answered' }))).toBeUndefined();
  });

  it('keeps the longest duration of an ended call (a hang-up before the final figures)', () => {
    expect(nextLiveCall(live({ state: 'ended', durationSeconds: 0 }), live({ state: 'ended', durationSeconds: 95 }))).toMatchObject({ durationSeconds: 95 });
    expect(nextLiveCall(live({ state: 'ended', durationSeconds: 95 }), live({ state: 'ended', durationSeconds: 0 }))).toBeUndefined();
    expect(nextLiveCall(live({ state: 'ended', durationSeconds: 95 }), live({ state: 'ended', durationSeconds: 95 }))).toBeUndefined();
    expect(nextLiveCall(live(), live())).toBeUndefined();
  });

  it('fills in the outcome from a later ended delivery, and never drops one', () => {
    const ended = live({ state: 'ended', durationSeconds: 0 });
    expect(nextLiveCall(ended, { ...ended, outcome: 'No answer' })).toEqual({ ...ended, outcome: 'No answer' });
    expect(nextLiveCall({ ...ended, outcome: 'No answer' }, ended)).toBeUndefined();
  });

  it('lets a newer call replace the current one, and never an older one', () => {
    const newer = live({ callId: '813', startedAt: '2026-11-18T08:30:00.000Z' });
    expect(nextLiveCall(live({ state: 'answered' }), newer)).toEqual(newer);
    expect(nextLiveCall(newer, live({ state: 'ended', durationSeconds: 30 }))).toBeUndefined();
  });
});

describe('liveCallStore', () => {
  it('stores what moves the call on, with a TTL, and reads it back', async () => {
    let now = Date.parse('2026-11-18T08:26:40Z');
    const db = createFakeDb({ now: () => now });
    const store = liveCallStore(db);
    expect(await store.get()).toBeUndefined();
    expect(await store.record(live())).toBe(true);
    expect(await store.record(live())).toBe(false);
    expect(await store.get()).toEqual(live());
    expect(db.dump()).toEqual({ 'live:call': live() });
    const ended = live({ state: 'ended', durationSeconds: 40, outcome: 'Connected' });
    expect(await store.record(ended)).toBe(true);
    expect(await store.get()).toEqual(ended);
    now += 11 * 60_000;
    expect(await store.get()).toBeUndefined();
  });

  it('reads a value it cannot parse as no call', async () => {
    const db = createFakeDb();
    await db.set('live:call', { callId: 812 });
    expect(await liveCallStore(db).get()).toBeUndefined();
  });
});
