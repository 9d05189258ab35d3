import { isPlatformError } from '@callbridge/core';
import type { PhoneCall } from '@callbridge/phone-provider';
import type { InstallationStore } from '../store/installation';
import type { CallDeps } from './call-deps';
import { processCall, type ProcessOutcome } from './process-call';

export interface ReconcileOptions {
  /** Epoch milliseconds after which no new call is started, so the run ends inside the platform's 20 s. */
  deadline: number;
  /** Calls listed per run. */
  perRun?: number;
  /**
   * The `$db` calls this run has made so far, and how many it may make: no call is started once the next one could
   * pass the budget, which leaves the rest of the platform's 50 a minute to the webhooks and phone apps.
   */
  db?: { calls: () => number; budget: number };
}

export interface ReconcileReport {
  from: number;
  next: number;
  examined: number;
  outcomes: Partial<Record<ProcessOutcome | 'known' | 'waiting' | 'deferred' | 'rate_limited' | 'error' | 'unreadable', number>>;
}

/** A call that has not ended this long after it started is stuck in the phone system; waiting longer helps nobody. */
const STUCK_AFTER_SECONDS = 86_400;
/** Where a first run starts when install left no watermark (an app updated from an older version). */
const FIRST_LOOK_BACK_SECONDS = 3_600;
const DEFAULT_PER_RUN = 40;
/** `$db` calls one call can take: read, claim (or marker, read), phone index, deal links, settle, release. */
export const DB_CALLS_PER_CALL = 8;
/** The write of the watermark at the end of a run. */
const DB_CALLS_TO_FINISH = 1;

const SETTLED: ReadonlySet<ProcessOutcome> = new Set(['logged', 'skipped', 'duplicate', 'dead']);

/**
 * Logs what the webhook missed or failed to log. The watermark only ever passes calls that are settled, so every
 * call started after it that is not logged yet (a failure, a lost delivery, a call still ringing) is seen again by
 * the next run, and retried there. A call a rep holds in the phone app waits there until the rep logs it or the
 * hold ends. Calls this installation settled after the watermark are kept beside it (`done`), so a run spends its
 * `$db` calls on calls that still need them; a run that hits the platform's `$db` limit stops and saves where it got.
 */
export async function reconcile(deps: CallDeps, installation: InstallationStore, options: ReconcileOptions): Promise<ReconcileReport> {
  const nowSeconds = Math.floor(deps.now() / 1000);
  const stored = await installation.sync();
  const from = stored?.from ?? nowSeconds - FIRST_LOOK_BACK_SECONDS;
  const done = new Set(stored?.done);
  const page = await deps.phone.listCallsSince({ since: from, perPage: options.perRun ?? DEFAULT_PER_RUN });
  const outcomes: ReconcileReport['outcomes'] = {};
  const count = (outcome: keyof ReconcileReport['outcomes']) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
  if (page.unreadable) {
    outcomes.unreadable = page.unreadable;
    deps.log.warn(`${page.unreadable} call(s) from ${deps.phone.label} came in a shape Callbridge cannot read and were left out`);
  }
  let unsettled: number | undefined;
  const keep = (call: PhoneCall) => (unsettled = Math.min(unsettled ?? call.startedAtSeconds, call.startedAtSeconds));
  const outOfDb = () => options.db !== undefined && options.db.calls() + DB_CALLS_PER_CALL + DB_CALLS_TO_FINISH > options.db.budget;
  let limited = false;

  for (const call of page.calls) {
    if (call.state !== 'ended') {
      if (nowSeconds - call.startedAtSeconds < STUCK_AFTER_SECONDS) keep(call);
      count('waiting');
    } else if (done.has(call.id)) {
      count('known');
    } else if (limited || deps.now() >= options.deadline || outOfDb()) {
      keep(call);
      count('deferred');
    } else {
      try {
        const { outcome } = await processCall(call, deps);
        if (SETTLED.has(outcome)) done.add(call.id);
        else keep(call);
        count(outcome);
      } catch (error) {
        // $db itself failing: leave the call for the next run; at the platform's limit, stop asking this minute.
        keep(call);
        limited = isPlatformError(error) && error.status === 429;
        count(limited ? 'rate_limited' : 'error');
        deps.log[limited ? 'warn' : 'error'](`reconciling call ${call.id} failed: ${error instanceof Error ? error.message : `a platform error (${isPlatformError(error) ? error.status : 'unknown'})`}`);
      }
    }
  }
  const last = page.calls.at(-1);
  // With more pages to go, stay on the last call's second (from is inclusive; settled calls are cheap to see again).
  const settledUpTo = last ? (page.hasMore ? last.startedAtSeconds : last.startedAtSeconds + 1) : from;
  const next = Math.max(from, unsettled ?? settledUpTo);
  const stillDone = page.calls.filter((call) => call.startedAtSeconds >= next && done.has(call.id)).map((call) => call.id);
  const changed = stored === undefined || next !== from || stillDone.length !== stored.done.length || stillDone.some((id, i) => id !== stored.done[i]);
  if (changed) await installation.setSync({ from: next, done: stillDone });
  return { from, next, examined: page.calls.length, outcomes };
}
