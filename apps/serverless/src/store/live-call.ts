import { CALL_OUTCOMES, type LiveCall } from '@callbridge/contracts';
import { dbGet, dbSet, DbValueError, type KeyValueStore } from '@callbridge/core';
import type { PhoneCall, PhoneEvent } from '@callbridge/phone-provider';
import { z } from 'zod';

const liveCallSchema = z.object({
  callId: z.string().min(1),
  phone: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  state: z.enum(['ringing', 'answered', 'ended']),
  startedAt: z.string(),
  durationSeconds: z.number().int().nonnegative().optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
});

type LiveState = LiveCall['state'];

const KEY = 'live:call';
const RANK: Readonly<Record<LiveState, number>> = { ringing: 0, answered: 1, ended: 2 };
/** A call stays current this long after its last event: long enough to log an ended call, short for a lost end. */
const TTL_SECONDS: Readonly<Record<LiveState, number>> = { ringing: 10 * 60, answered: 4 * 3600, ended: 10 * 60 };
/** The webhook events that move a call along; others (comments, tags, transfers) leave the live call alone. */
const EVENT_STATE: Readonly<Record<string, LiveState>> = { 'call.created': 'ringing', 'call.answered': 'answered', 'call.hungup': 'ended', 'call.ended': 'ended' };
const CALL_STATE: Readonly<Record<PhoneCall['state'], LiveState>> = { ringing: 'ringing', in_progress: 'answered', ended: 'ended' };

const isCallOutcome = (outcome: string): outcome is (typeof CALL_OUTCOMES)[number] => (CALL_OUTCOMES as readonly string[]).includes(outcome);

/**
 * The live call a verified webhook event describes: undefined for events that say nothing about where a call stands
 * and for withheld numbers (nobody to match). The further of the event's and the call's own state wins, so a hang-up
 * event reads as ended even when the call in it is not `done` yet.
 */
export function liveCallOf(event: PhoneEvent): LiveCall | undefined {
  if (event.kind !== 'call') return undefined;
  const implied = EVENT_STATE[event.name];
  const { call } = event;
  if (!implied || !call.externalNumber) return undefined;
  const own = CALL_STATE[call.state];
  const state = RANK[own] > RANK[implied] ? own : implied;
  return {
    callId: call.id,
    phone: call.externalNumber,
    direction: call.direction,
    state,
    startedAt: call.startedAt,
    ...(state === 'ended' && { durationSeconds: call.talkSeconds }),
    // Only once the phone system has finished the call is its outcome known (a hang-up event can come first).
    ...(call.state === 'ended' && isCallOutcome(call.outcome) && { outcome: call.outcome }),
  };
}

/**
 * What to store when `incoming` arrives while `stored` is current; undefined keeps what is stored. Deliveries come
 * at least once and in any order: a call never goes back (ended stays ended, keeping the longest duration seen),
 * and an older call's late delivery never replaces a newer call.
 */
export function nextLiveCall(stored: LiveCall | undefined, incoming: LiveCall): LiveCall | undefined {
  if (!stored) return incoming;
  if (stored.callId !== incoming.callId) return Date.parse(incoming.startedAt) >= Date.parse(stored.startedAt) ? incoming : undefined;
  const [was, is] = [RANK[stored.state], RANK[incoming.state]];
  if (is > was) return incoming;
  if (is === was && incoming.durationSeconds !== undefined && incoming.durationSeconds > (stored.durationSeconds ?? -1)) return incoming;
  // A later ended delivery that knows the outcome fills it in.
  if (is === was && incoming.outcome !== undefined && stored.outcome === undefined) return { ...stored, outcome: incoming.outcome };
  return undefined;
}

/**
 * `live:call`: the phone system's latest call, as its webhook last reported it, for the phone app to poll (the
 * platform has no incoming-call event for CTI apps). One per installation, a few dozen bytes, with a TTL, so a call
 * whose end was never delivered does not ring forever.
 */
export function liveCallStore(db: KeyValueStore) {
  const get = async (): Promise<LiveCall | undefined> => {
    try {
      return await dbGet(KEY, liveCallSchema, { db });
    } catch (error) {
      // A value this version cannot read (written by another one) is no call; the next event replaces it.
      if (error instanceof DbValueError) return undefined;
      throw error;
    }
  };
  return {
    get,
    /** Stores `incoming` when it moves the live call on; answers whether it did. */
    async record(incoming: LiveCall): Promise<boolean> {
      const next = nextLiveCall(await get(), incoming);
      if (!next) return false;
      await dbSet(KEY, next, { db, ttl: TTL_SECONDS[next.state] });
      return true;
    },
  };
}

export type LiveCallStore = ReturnType<typeof liveCallStore>;
