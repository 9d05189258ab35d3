import type { CallRecord, LogCallInput } from '@callbridge/contracts';
import { HandlerFailure } from '@callbridge/core';
import type { CallLogDetails, CallLogTarget, CrmConnector } from '@callbridge/crm-connector';
import type { CallDeps } from '../calls/call-deps';
import { openDealOf } from '../calls/log-phone-call';
import { isSettled, type LedgerEntry } from '../store/call-ledger';
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
 * `alreadyLogged`; otherwise the rep's log (outcome, notes, the record the rep chose) settles the call, which also
 * ends the hold the phone app put on it. As the server's own logs do, it also goes on the contact's open deal when
 * the installation says so.
 */
export async function logHandledCall(input: LogCallInput & { callId: string }, deps: CallDeps): Promise<RepLogResult> {
  const { ledger, crm } = deps;
  const { callId } = input;
  const earlierLog = async (entry: LedgerEntry | undefined): Promise<RepLogResult | undefined> => {
    if (!isSettled(entry) || entry.outcome !== 'logged' || !entry.logId) return undefined;
    return { call: (await crm.getCallLog({ logId: entry.logId })).callLogInfo, alreadyLogged: true };
  };
  const seen = await ledger.read(callId);
  const before = await earlierLog(seen);
  if (before) return before;
  const taken = await ledger.claim(callId, seen, deps.now(), { asRep: true });
  if ('busy' in taken) {
    const raced = await earlierLog(taken.entry);
    if (raced) return raced;
    throw new HandlerFailure(409, 'Callbridge is logging this call right now: try again in a moment');
  }
  const { target } = input;
  let logged: Awaited<ReturnType<CrmConnector['createCallLog']>>;
  try {
    logged = await crm.createCallLog({ contactInfo: target, ...detailsOf(input) });
  } catch (error) {
    await ledger.abandon(taken.claim);
    throw error;
  }
  try {
    // $db stores an empty name as null, which the ledger would then fail to read: a nameless target stays out.
    const settledTarget = target.type !== 'deal' && target.name?.trim() ? { type: target.type, id: target.id, name: target.name } : undefined;
    await ledger.settle(taken.claim, { at: deps.now(), outcome: 'logged', logId: logged.logId, ...(settledTarget && { target: settledTarget }) });
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
