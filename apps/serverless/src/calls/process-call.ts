import { isPlatformError, isRetryableStatus } from '@callbridge/core';
import { CrmError } from '@callbridge/crm-connector';
import type { PhoneCall } from '@callbridge/phone-provider';
import type { CallDeps } from './call-deps';
import { CallLogFailure, logPhoneCall } from './log-phone-call';

/**
 * - logged / skipped: settled now;
 * - duplicate: settled before (another delivery, or the reconciliation, got there first);
 * - in_flight: another delivery holds it right now;
 * - held: a rep is logging it in the phone app (`rep:<id>`); reconciliation logs it if the rep has not when the hold ends;
 * - failed: recorded for the next reconciliation;
 * - dead: failed the same way too often to be worth trying again (kept in `$db` for support).
 */
export type ProcessOutcome = 'logged' | 'skipped' | 'duplicate' | 'in_flight' | 'held' | 'failed' | 'dead';

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
 * Logs a call exactly once, whatever the number and order of its deliveries: a settled call is a duplicate; an
 * in-flight marker keeps concurrent deliveries out; the settled marker is written only once the log succeeded; a
 * failure is recorded with its progress for the next reconciliation.
 */
export async function processCall(call: PhoneCall, deps: CallDeps): Promise<{ outcome: ProcessOutcome; detail?: string }> {
  const { ledger } = deps;
  if (await ledger.settled(call.id)) return { outcome: 'duplicate' };
  if (await ledger.heldForRep(call.id)) return { outcome: 'held', detail: 'a rep is logging it in the phone app' };
  if (!(await ledger.lock(call.id, deps.now()))) return { outcome: 'in_flight' };
  try {
    // Another delivery may have finished between the first read and taking the lock.
    if (await ledger.settled(call.id)) return { outcome: 'duplicate' };
    const previous = await ledger.failure(call.id);
    try {
      const result = await logPhoneCall(call, deps, previous?.progress);
      if (result.status === 'skipped') await ledger.settle(call.id, { at: deps.now(), outcome: 'skipped', reason: result.reason });
      else await ledger.settle(call.id, { at: deps.now(), outcome: 'logged', target: result.target, logId: result.logId, ...(result.dealLogId && { dealLogId: result.dealLogId }) });
      if (previous) await ledger.clearFailure(call.id);
      return result.status === 'skipped' ? { outcome: 'skipped', detail: result.reason } : { outcome: 'logged' };
    } catch (thrown) {
      if (!(thrown instanceof CallLogFailure)) throw thrown;
      const cause = thrown.cause;
      const attempts = (previous?.attempts ?? 0) + 1;
      const retryable = worthRetrying(cause);
      const error = messageOf(cause);
      if (!retryable && attempts >= MAX_PERMANENT_ATTEMPTS) {
        await ledger.settle(call.id, { at: deps.now(), outcome: 'dead', reason: error || 'unknown failure' });
        if (previous) await ledger.clearFailure(call.id);
        deps.log.error(`call ${call.id} could not be logged after ${attempts} attempts and is given up: ${error}`);
        return { outcome: 'dead', detail: error };
      }
      await ledger.recordFailure(call.id, { at: deps.now(), attempts, retryable, error: error || 'unknown failure', progress: thrown.progress });
      deps.log.warn(`call ${call.id} could not be logged (attempt ${attempts}); the next reconciliation retries it: ${error}`);
      return { outcome: 'failed', detail: error };
    }
  } finally {
    await ledger.unlock(call.id).catch(() => false);
  }
}
