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
});
export type CallProgress = z.output<typeof progressSchema>;

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

/** An in-flight marker outlives a handler (20 s) so that a handler killed mid-way frees the call a minute later. */
export const LOCK_TTL_SECONDS = 60;
/**
 * How long a call a phone app showed waits for the rep's log (the after-call form, with outcome and notes) before the
 * server logs it itself; the phone app renews it when the call ends, so a long call still leaves the rep this long.
 */
export const REP_HOLD_SECONDS = 30 * 60;

const holdSchema = z.object({ at: z.number() });
const MAX_ERROR = 500;

const key = (namespace: string, callId: string) => `${namespace}:${keyId(namespace, callId)}`;

/**
 * What happened to each phone system call, in `$db`:
 * - `call:<id>`: settled (logged, deliberately skipped, or given up on); written only after the log succeeded, so the
 *   same call never becomes two logs whatever the order or number of deliveries;
 * - `lock:<id>`: in flight, with a TTL, so concurrent deliveries do not log twice;
 * - `fail:<id>`: the last failure and how far logging got; the next reconciliation retries it;
 * - `rep:<id>`: a phone app is showing the call to a rep, who logs it; the server leaves it alone until the TTL ends.
 */
export function callLedger(db: KeyValueStore) {
  return {
    settled: (callId: string) => dbGet(key('call', callId), settledSchema, { db }),
    settle: async (callId: string, settled: SettledCall) => {
      await dbSet(key('call', callId), settled, { db });
    },
    /** True when this caller now holds the call. */
    lock: (callId: string, at: number) => setIfAbsent(key('lock', callId), { at }, { db, ttl: LOCK_TTL_SECONDS }),
    unlock: (callId: string) => dbDelete(key('lock', callId), { db }),
    failure: (callId: string) => dbGet(key('fail', callId), failureSchema, { db }),
    recordFailure: async (callId: string, failure: CallFailure) => {
      await dbSet(key('fail', callId), { ...failure, error: failure.error.slice(0, MAX_ERROR) }, { db });
    },
    clearFailure: (callId: string) => dbDelete(key('fail', callId), { db }),
    holdForRep: async (callId: string, at: number) => {
      await dbSet(key('rep', callId), { at }, { db, ttl: REP_HOLD_SECONDS });
    },
    heldForRep: async (callId: string) => (await dbGet(key('rep', callId), holdSchema, { db })) !== undefined,
    releaseHold: (callId: string) => dbDelete(key('rep', callId), { db }),
  };
}

export type CallLedger = ReturnType<typeof callLedger>;
