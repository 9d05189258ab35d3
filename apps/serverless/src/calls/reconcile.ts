import type { PhoneCall } from '@callbridge/phone-provider';
import type { InstallationStore } from '../store/installation';
import type { CallDeps } from './call-deps';
import { processCall, type ProcessOutcome } from './process-call';

export interface ReconcileOptions {
  /** Epoch milliseconds after which no new call is started, so the run ends inside the platform's 20 s. */
  deadline: number;
  /** Calls examined per run; each costs at least one `$db` read of the platform's 50 a minute. */
  perRun?: number;
}

export interface ReconcileReport {
  from: number;
  next: number;
  examined: number;
  outcomes: Partial<Record<ProcessOutcome | 'waiting' | 'deferred' | 'error' | 'unreadable', number>>;
}

/** A call that has not ended this long after it started is stuck in the phone system; waiting longer helps nobody. */
const STUCK_AFTER_SECONDS = 86_400;
/** Where a first run starts when install left no watermark (an app updated from an older version). */
const FIRST_LOOK_BACK_SECONDS = 3_600;
const DEFAULT_PER_RUN = 40;

/**
 * Logs what the webhook missed or failed to log. The watermark only ever passes calls that are settled, so every
 * call started after it that is not logged yet (a failure, a lost delivery, a call still ringing) is seen again by
 * the next run, and retried there. A call a rep holds in the phone app waits there until the rep logs it or the
 * hold ends.
 */
export async function reconcile(deps: CallDeps, installation: InstallationStore, options: ReconcileOptions): Promise<ReconcileReport> {
  const nowSeconds = Math.floor(deps.now() / 1000);
  const stored = await installation.watermark();
  const from = stored ?? nowSeconds - FIRST_LOOK_BACK_SECONDS;
  const page = await deps.phone.listCallsSince({ since: from, perPage: options.perRun ?? DEFAULT_PER_RUN });
  const outcomes: ReconcileReport['outcomes'] = {};
  const count = (outcome: keyof ReconcileReport['outcomes']) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
  if (page.unreadable) {
    outcomes.unreadable = page.unreadable;
    deps.log.warn(`${page.unreadable} call(s) from ${deps.phone.label} came in a shape Callbridge cannot read and were left out`);
  }
  let unsettled: number | undefined;
  const keep = (call: PhoneCall) => (unsettled = Math.min(unsettled ?? call.startedAtSeconds, call.startedAtSeconds));

  for (const call of page.calls) {
    if (call.state !== 'ended') {
      if (nowSeconds - call.startedAtSeconds < STUCK_AFTER_SECONDS) keep(call);
      count('waiting');
    } else if (deps.now() >= options.deadline) {
      keep(call);
      count('deferred');
    } else {
      try {
        const { outcome } = await processCall(call, deps);
        if (outcome === 'failed' || outcome === 'in_flight' || outcome === 'held') keep(call);
        count(outcome);
      } catch (error) {
        // $db itself failing: leave the call for the next run.
        keep(call);
        count('error');
        deps.log.error(`reconciling call ${call.id} failed: ${error instanceof Error ? error.message : 'a platform error'}`);
      }
    }
  }
  const last = page.calls.at(-1);
  // With more pages to go, stay on the last call's second (from is inclusive; settled calls are cheap to see again).
  const settledUpTo = last ? (page.hasMore ? last.startedAtSeconds : last.startedAtSeconds + 1) : from;
  const next = Math.max(from, unsettled ?? settledUpTo);
  if (stored === undefined || next !== from) await installation.setWatermark(next);
  return { from, next, examined: page.calls.length, outcomes };
}
