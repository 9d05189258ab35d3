import { dbDelete, dbGet, dbSet, setIfAbsent, type KeyValueStore } from '@callbridge/core';
import { z } from 'zod';
import { keyId } from './key-id';

const targetSchema = z.object({ type: z.enum(['contact', 'lead']), id: z.number().int().positive(), name: z.string() });

/** How far a call's logging got, so a retry never repeats a step that succeeded. */
export const progressSchema = z.object({
  target: targetSchema.optional(),
  contactLogId: z.string().optional(),
  /** null: the contact has no open deal. */
  dealId: z.number().int().positive().nullable().optional(),
  /**
   * An earlier try may have logged the call without being able to record so (it died, or `$db` refused its last
   * write): look for that log in the CRM before writing one.
   */
  verify: z.literal(true).optional(),
});
export type CallProgress = z.output<typeof progressSchema>;

/** Logged, deliberately skipped, or given up on: nothing more will happen to the call. */
const settledSchema = z.object({
  at: z.number(),
  outcome: z.enum(['logged', 'skipped', 'dead']),
  target: targetSchema.optional(),
  logId: z.string().optional(),
  dealLogId: z.string().optional(),
  reason: z.string().optional(),
});
export type SettledCall = z.output<typeof settledSchema>;

const failureSchema = z.object({
  at: z.number(),
  attempts: z.number().int().positive(),
  retryable: z.boolean(),
  error: z.string(),
  progress: progressSchema,
});
export type CallFailure = z.output<typeof failureSchema>;

/** Not settled yet: a handler is logging it, its last try failed, or a rep holds it in the phone app. */
const pendingSchema = z.discriminatedUnion('pending', [
  z.object({ pending: z.literal('logging'), at: z.number() }),
  failureSchema.extend({ pending: z.literal('failed') }),
  z.object({ pending: z.literal('held'), at: z.number(), until: z.number() }),
]);
type PendingCall = z.output<typeof pendingSchema>;

const entrySchema = z.union([settledSchema, pendingSchema]);
/** What the ledger knows of one call; undefined in the API when it knows nothing. */
export type LedgerEntry = z.output<typeof entrySchema>;

/**
 * A handler that is logging a call for longer than this has died (handlers stop at 20 s): another may take the call.
 * Also the TTL of the claim marker (`claim:<id>`) that guards a call the ledger already holds an entry for.
 */
export const CLAIM_SECONDS = 60;
/**
 * How long a call a phone app showed waits for the rep's log (the after-call form, with outcome and notes) before the
 * server logs it itself; the phone app renews it when the call ends, so a long call still leaves the rep this long.
 */
export const REP_HOLD_SECONDS = 30 * 60;
/** A hold with more than this left is not renewed: a renewal costs four `$db` calls. */
const RENEW_BELOW_SECONDS = 20 * 60;
const MAX_ERROR = 500;

const key = (namespace: string, callId: string) => `${namespace}:${keyId(namespace, callId)}`;

export const isSettled = (entry: LedgerEntry | undefined): entry is SettledCall => entry !== undefined && 'outcome' in entry;
export const failureOf = (entry: LedgerEntry | undefined): CallFailure | undefined => (entry && 'pending' in entry && entry.pending === 'failed' ? entry : undefined);

/** Why a call cannot be taken now, or undefined when it is free to take. */
function busy(entry: LedgerEntry | undefined, nowMs: number, asRep: boolean): 'settled' | 'held' | 'in_flight' | undefined {
  if (!entry) return undefined;
  if (isSettled(entry)) return asRep && entry.outcome !== 'logged' ? undefined : 'settled';
  if (entry.pending === 'held') return entry.until > nowMs && !asRep ? 'held' : undefined;
  if (entry.pending === 'logging') return entry.at + CLAIM_SECONDS * 1000 > nowMs ? 'in_flight' : undefined;
  return undefined;
}

/** The right to write a call's outcome, held by one invocation at a time. */
export interface CallClaim {
  callId: string;
  /** The entry when the claim was taken: a failure to resume from, an ended hold, or nothing. */
  previous: LedgerEntry | undefined;
}

export type ClaimResult = { claim: CallClaim } | { busy: 'settled' | 'held' | 'in_flight'; entry: LedgerEntry };

/**
 * What happened to each phone system call, in one `$db` key per call, `call:<id>`, because `$db` allows 50 calls a
 * minute for the whole installation:
 * - settled (`outcome`: logged, skipped, dead): written only after the log succeeded, so the same call never becomes
 *   two logs whatever the order or number of deliveries;
 * - pending `logging`: a first delivery claimed it with setIf not_exist (one of concurrent deliveries wins);
 * - pending `failed`: the last failure and how far logging got; the next reconciliation retries it;
 * - pending `held`: a phone app is showing the call to a rep, who logs it; the server leaves it alone until `until`.
 *
 * Taking a call the ledger already has an entry for (a retry, an ended hold, a dead handler's claim) goes through a
 * short-lived `claim:<id>` marker instead, since `$db` cannot compare-and-set a value. The happy path costs three
 * `$db` calls (read, claim, settle); a retry five.
 */
export function callLedger(db: KeyValueStore) {
  const read = async (callId: string): Promise<LedgerEntry | undefined> => dbGet(key('call', callId), entrySchema, { db });
  const write = async (callId: string, value: SettledCall | PendingCall) => {
    await dbSet(key('call', callId), value, { db });
  };
  const unmark = (callId: string) => dbDelete(key('claim', callId), { db });

  /**
   * Takes the call for this invocation when nobody else has it. `seen` is the entry the caller read just before
   * (so a free call costs no second read). `asRep`: the rep's own log (or the rep's phone app renewing its hold)
   * takes a call the rep holds, and one the server skipped or gave up on; only a logged call is final.
   */
  async function claim(callId: string, seen: LedgerEntry | undefined, nowMs: number, { asRep = false } = {}): Promise<ClaimResult> {
    const reason = busy(seen, nowMs, asRep);
    if (reason) return { busy: reason, entry: seen! };
    if (!seen) {
      if (await setIfAbsent(key('call', callId), { pending: 'logging', at: nowMs }, { db })) return { claim: { callId, previous: undefined } };
      const now = await read(callId);
      return { busy: busy(now, nowMs, asRep) ?? 'in_flight', entry: now ?? { pending: 'logging', at: nowMs } };
    }
    if (!(await setIfAbsent(key('claim', callId), { at: nowMs }, { db, ttl: CLAIM_SECONDS }))) return { busy: 'in_flight', entry: seen };
    // Another invocation may have settled or held it between the caller's read and the marker.
    const current = await read(callId);
    const still = busy(current, nowMs, asRep);
    if (still) {
      await unmark(callId).catch(() => false);
      return { busy: still, entry: current! };
    }
    return { claim: { callId, previous: current } };
  }

  const release = async (claim: CallClaim) => {
    if (claim.previous) await unmark(claim.callId).catch(() => false);
  };

  return {
    read,
    claim,
    /** Records the outcome and gives the claim up. */
    async settle(claim: CallClaim, settled: SettledCall): Promise<void> {
      try {
        await write(claim.callId, settled);
      } finally {
        await release(claim);
      }
    },
    /** Records a failure for the next reconciliation and gives the claim up. */
    async fail(claim: CallClaim, failure: CallFailure): Promise<void> {
      try {
        await write(claim.callId, { pending: 'failed', ...failure, error: failure.error.slice(0, MAX_ERROR) });
      } finally {
        await release(claim);
      }
    },
    /** Gives the claim up without an outcome: a first claim goes back to nothing, a retry keeps its entry. */
    async abandon(claim: CallClaim): Promise<void> {
      if (claim.previous) await release(claim);
      else await dbDelete(key('call', claim.callId), { db }).catch(() => false);
    },
    /**
     * Keeps the call for the rep's log until REP_HOLD_SECONDS from now. A settled call or one being logged is left
     * as it is; a hold with plenty of time left is not rewritten.
     */
    async holdForRep(callId: string, nowMs: number): Promise<'held' | 'kept' | 'settled' | 'busy'> {
      const hold = { pending: 'held' as const, at: nowMs, until: nowMs + REP_HOLD_SECONDS * 1000 };
      const seen = await read(callId);
      if (isSettled(seen)) return 'settled';
      if (seen?.pending === 'held' && seen.until - nowMs > RENEW_BELOW_SECONDS * 1000) return 'kept';
      if (!seen) return (await setIfAbsent(key('call', callId), hold, { db })) ? 'held' : 'busy';
      const taken = await claim(callId, seen, nowMs, { asRep: true });
      if (!('claim' in taken)) return taken.busy === 'settled' ? 'settled' : 'busy';
      // A failed try keeps its progress in the log's own retry; a rep taking over starts the log afresh.
      await write(callId, hold).finally(() => release(taken.claim));
      return 'held';
    },
  };
}

export type CallLedger = ReturnType<typeof callLedger>;
