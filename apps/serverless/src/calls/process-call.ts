import { isPlatformError, isRetryableStatus } from '@callbridge/core';
import { CrmError } from '@callbridge/crm-connector';
import type { PhoneCall } from '@callbridge/phone-provider';
import { failureOf } from '../store/call-ledger';
import type { CallDeps } from './call-deps';
import { CallLogFailure, logPhoneCall, type LogResult } from './log-phone-call';

/**
 * - logged / skipped: settled now;
 * - duplicate: settled before (another delivery, or the reconciliation, got there first);
 * - in_flight: another delivery holds it right now;
 * - held: a rep is logging it in the phone app; reconciliation logs it if the rep has not when the hold ends;
 * - failed: recorded for the next reconciliation;
 * - dead: failed the same way too often to be worth trying again (kept in `$db` for support).
 * - deferred: the platform's `$db` limit left nothing to record it with; the reconciliation lists it and logs it.
 */
export type ProcessOutcome = 'logged' | 'skipped' | 'duplicate' | 'in_flight' | 'held' | 'failed' | 'dead' | 'deferred';

/** A failure a person must fix (a wrong record, a bug) gets this many tries; outages and bad credentials are retried until fixed. */
export const MAX_PERMANENT_ATTEMPTS = 3;

/** Whether waiting (an outage, a rate limit) or an admin fixing the settings can make the same log succeed. */
function worthRetrying(error: unknown): boolean {
  if (error instanceof CrmError) return error.retryable || error.kind === 'credentials' || error.kind === 'forbidden';
  if (isPlatformError(error)) return isRetryableStatus(error.status);
  return false;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : isPlatformError(error) ? `$db or platform error ${error.status}` : String(error));

/**
 * Logs a call exactly once, whatever the number and order of its deliveries: a settled call is a duplicate; a claim
 * keeps concurrent deliveries out; the settled outcome is written only once the log succeeded; a failure is recorded
 * with its progress for the next reconciliation.
 */
export async function processCall(call: PhoneCall, deps: CallDeps): Promise<{ outcome: ProcessOutcome; detail?: string }> {
  const { ledger } = deps;
  const taken = await ledger.claim(call.id, await ledger.read(call.id), deps.now());
  if ('busy' in taken) {
    if (taken.busy === 'settled') return { outcome: 'duplicate' };
    if (taken.busy === 'held') return { outcome: 'held', detail: 'a rep is logging it in the phone app' };
    return { outcome: 'in_flight' };
  }
  const { claim } = taken;
  const previous = failureOf(claim.previous);
  // A claim taken over from a try that never recorded how it ended: that try may have logged the call.
  const resume = claim.previous && 'pending' in claim.previous && claim.previous.pending === 'logging' ? { verify: true as const } : previous?.progress;
  let result: LogResult;
  try {
    result = await logPhoneCall(call, deps, resume);
  } catch (thrown) {
    if (!(thrown instanceof CallLogFailure)) {
      await ledger.abandon(claim);
      throw thrown;
    }
    const cause = thrown.cause;
    const attempts = (previous?.attempts ?? 0) + 1;
    const retryable = worthRetrying(cause);
    const error = messageOf(cause) || 'unknown failure';
    if (!retryable && attempts >= MAX_PERMANENT_ATTEMPTS) {
      await ledger.settle(claim, { at: deps.now(), outcome: 'dead', reason: error });
      deps.log.error(`call ${call.id} could not be logged after ${attempts} attempts and is given up: ${error}`);
      return { outcome: 'dead', detail: error };
    }
    await ledger.fail(claim, { at: deps.now(), attempts, retryable, error, progress: thrown.progress });
    deps.log.warn(`call ${call.id} could not be logged (attempt ${attempts}); the next reconciliation retries it: ${error}`);
    return { outcome: 'failed', detail: error };
  }
  if (result.status === 'skipped') {
    await ledger.settle(claim, { at: deps.now(), outcome: 'skipped', reason: result.reason });
    return { outcome: 'skipped', detail: result.reason };
  }
  await ledger.settle(claim, { at: deps.now(), outcome: 'logged', target: result.target, logId: result.logId, ...(result.dealLogId && { dealLogId: result.dealLogId }) });
  return { outcome: 'logged' };
}
