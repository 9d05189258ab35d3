import type { CallRecord, LogCallInput } from '@callbridge/contracts';
import { HandlerFailure } from '@callbridge/core';
import type { CallLogDetails, CallLogTarget, CrmConnector } from '@callbridge/crm-connector';
import type { CallDeps } from '../calls/call-deps';
import { openDealOf } from '../calls/log-phone-call';
import { toHandlerFailure } from './failures';

export interface RepLogResult {
  call: CallRecord;
  alreadyLogged?: true;
}

function detailsOf(input: LogCallInput): { callLog: CallLogDetails; note?: string } {
  const callLog = { direction: input.direction, outcome: input.outcome, durationSeconds: input.durationSeconds, ...(input.phone && { phoneNumber: input.phone }) };
  const note = input.notes?.trim();
  return { callLog, ...(note && { note }) };
}

/** The same log against a deal too; when that fails, the first log stands and the answer says so. */
async function logAgainstDeal(crm: CrmConnector, input: LogCallInput, dealId: number): Promise<void> {
  try {
    await crm.createCallLog({ contactInfo: { type: 'deal', id: dealId }, ...detailsOf(input) });
  } catch (error) {
    const failure = toHandlerFailure(error);
    const reason = failure instanceof HandlerFailure ? failure.message : 'it failed';
    throw new HandlerFailure(failure instanceof HandlerFailure ? failure.status : 500, `The call was logged against the ${input.target.type}, but not against deal ${dealId}: ${reason}`);
  }
}

const onDeal = (input: LogCallInput, dealId: number | undefined) => dealId !== undefined && !(input.target.type === 'deal' && input.target.id === dealId);

/**
 * A rep's call log, against a contact, lead or deal, and also against `dealId` when given. When the second log
 * fails the first stands; the answer says so, so the rep retries only the deal.
 */
export async function logRepCall(input: LogCallInput, crm: CrmConnector): Promise<RepLogResult> {
  const logged = await crm.createCallLog({ contactInfo: input.target, ...detailsOf(input) });
  if (onDeal(input, input.dealId)) await logAgainstDeal(crm, input, input.dealId!);
  return { call: logged.callLog };
}

/**
 * A rep's log of a phone system call (`callId`, from the phone app's after-call form). It goes through the webhook's
 * ledger, so one call becomes one log whoever writes it first: a call logged before is answered with that log and
 * `alreadyLogged`; otherwise the rep's log (outcome, notes, the record the rep chose) settles the call and lifts the
 * hold the phone app put on it. As the server's own logs do, it also goes on the contact's open deal when the
 * installation says so.
 */
export async function logHandledCall(input: LogCallInput & { callId: string }, deps: CallDeps): Promise<RepLogResult> {
  const { ledger, crm } = deps;
  const { callId } = input;
  const earlier = async (): Promise<RepLogResult | undefined> => {
    const settled = await ledger.settled(callId);
    if (settled?.outcome !== 'logged' || !settled.logId) return undefined;
    return { call: (await crm.getCallLog({ logId: settled.logId })).callLogInfo, alreadyLogged: true };
  };
  const before = await earlier();
  if (before) return before;
  if (!(await ledger.lock(callId, deps.now()))) throw new HandlerFailure(409, 'Callbridge is logging this call right now: try again in a moment');
  try {
    const raced = await earlier();
    if (raced) return raced;
    const { target } = input;
    const logged = await crm.createCallLog({ contactInfo: target, ...detailsOf(input) });
    try {
      // $db stores an empty name as null, which the ledger would then fail to read: a nameless target stays out.
      const settledTarget = target.type !== 'deal' && target.name?.trim() ? { type: target.type, id: target.id, name: target.name } : undefined;
      await ledger.settle(callId, { at: deps.now(), outcome: 'logged', logId: logged.logId, ...(settledTarget && { target: settledTarget }) });
      await Promise.all([ledger.releaseHold(callId), ledger.clearFailure(callId)]);
    } catch (error) {
      // The log is written: answering an error would have the rep save it again.
      deps.log.error(`call ${callId} was logged by the rep, but the ledger could not record it: ${error instanceof Error ? error.message : 'a platform error'}`);
    }
    if (input.dealId !== undefined) {
      if (onDeal(input, input.dealId)) await logAgainstDeal(crm, input, input.dealId);
    } else if (deps.settings.attachToOpenDeal && target.type === 'contact') {
      await attachToOpenDeal(input, target, deps);
    }
    return { call: logged.callLog };
  } finally {
    await ledger.unlock(callId).catch(() => false);
  }
}

/** The installation's rule, applied quietly: the rep did not ask for the deal, so its failure fails nothing. */
async function attachToOpenDeal(input: LogCallInput, contact: CallLogTarget, deps: CallDeps): Promise<void> {
  try {
    const dealId = await openDealOf(contact.id, deps);
    if (dealId !== null) await deps.crm.createCallLog({ contactInfo: { type: 'deal', id: dealId }, ...detailsOf(input) });
  } catch (error) {
    deps.log.warn(`call ${input.callId ?? ''} was logged against contact ${contact.id}, but not against its open deal: ${error instanceof Error ? error.message : 'a platform error'}`);
  }
}
