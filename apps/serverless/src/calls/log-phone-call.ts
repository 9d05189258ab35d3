import { phoneKey } from '@callbridge/contracts';
import { CrmError, type CallLogTarget } from '@callbridge/crm-connector';
import type { PhoneCall } from '@callbridge/phone-provider';
import type { CallProgress } from '../store/call-ledger';
import type { IndexedRecord } from '../store/phone-index';
import type { CallDeps } from './call-deps';
import { matchCaller } from './match-caller';

export type LogResult =
  | { status: 'logged'; target: IndexedRecord; logId: string; dealLogId?: string }
  | { status: 'skipped'; reason: string };

/** A failure part-way, with how far logging got, so the retry picks up there. */
export class CallLogFailure extends Error {
  override name = 'CallLogFailure';
  constructor(
    readonly progress: CallProgress,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : 'logging the call failed', { cause });
  }
}

/** A target the CRM no longer has, or will not log against: the index pointed at a deleted record. */
function isGoneTarget(error: unknown): boolean {
  return error instanceof CrmError && (error.kind === 'not_found' || error.kind === 'invalid');
}

/** The last line of every note Callbridge writes for a phone system call: how its log is recognised later. */
const markerOf = (call: PhoneCall, providerLabel: string) => `Logged by Callbridge from ${providerLabel} call ${call.id}`;

function noteFor(call: PhoneCall, providerLabel: string): string {
  return [...call.comments, markerOf(call, providerLabel)].join('\n');
}

/** How many of the record's latest calls are searched for an earlier log of the call. */
const EARLIER_LOG_WINDOW = 25;

/**
 * The log an earlier try wrote for this call but could not record in `$db`: among the matched record's latest calls,
 * the one whose note carries the call's marker.
 */
async function earlierLog(call: PhoneCall, number: string, deps: CallDeps): Promise<{ target: IndexedRecord; logId: string } | undefined> {
  const matched = await matchCaller(number, deps);
  if (!matched) return undefined;
  const marker = markerOf(call, deps.phone.label);
  const { calls } = await deps.crm.listCallLogs({ record: { type: matched.record.type, id: matched.record.id }, limit: EARLIER_LOG_WINDOW });
  const found = calls.find((logged) => logged.notes?.split('\n').includes(marker));
  return found && { target: matched.record, logId: found.id };
}

/** The contact's most recently linked open deal (deal events), else the CRM's first; null when it has none. */
export async function openDealOf(contactId: number, deps: CallDeps): Promise<number | null> {
  const linked = await deps.links.openDealsOf(contactId);
  if (linked) return [...linked].sort((a, b) => b.at - a.at)[0]?.id ?? null;
  const { deals } = await deps.crm.getOpenDeals({ contactId });
  return deals[0]?.id ?? null;
}

/**
 * Logs one ended call: match the caller (index, then CRM), create a placeholder contact when the installation's
 * auto-log rule says so, log the call against the record and, when configured, against the contact's open deal.
 * Every step's result goes into `progress` first, so a failure (thrown as CallLogFailure) never repeats one.
 */
export async function logPhoneCall(call: PhoneCall, deps: CallDeps, resume: CallProgress = {}): Promise<LogResult> {
  const progress: CallProgress = { ...resume };
  const number = call.externalNumber;
  if (!number) return { status: 'skipped', reason: `no caller number (${call.rawNumber || 'withheld'})` };
  const digits = phoneKey(number)!;
  const callLog = { direction: call.direction, outcome: call.outcome, durationSeconds: call.talkSeconds, phoneNumber: number };
  const note = noteFor(call, deps.phone.label);
  const log = (contactInfo: CallLogTarget) => deps.crm.createCallLog({ contactInfo, callLog, note });
  try {
    if (progress.verify && !progress.contactLogId) {
      const earlier = await earlierLog(call, number, deps);
      // Found: the call is logged. Its deal copy, if that try got so far, cannot be told apart: none is written.
      if (earlier) return { status: 'logged', target: earlier.target, logId: earlier.logId };
    }
    delete progress.verify;
    let fromIndex = false;
    if (!progress.target) {
      const matched = await matchCaller(number, deps);
      if (matched) {
        fromIndex = matched.source === 'index';
        progress.target = matched.record;
      } else if (deps.settings.autoCreateContacts) {
        const { contactInfo } = await deps.crm.createContact({ phoneNumber: number, newContactName: deps.settings.placeholderName, newContactType: deps.settings.placeholderType });
        progress.target = contactInfo;
        // A contact created a moment ago has no deals: no need to ask.
        progress.dealId = null;
        await deps.index.add(digits, contactInfo);
      } else {
        return { status: 'skipped', reason: 'unknown caller, and the installation creates no placeholder contacts' };
      }
    }
    if (!progress.contactLogId) {
      try {
        progress.contactLogId = (await log(progress.target)).logId;
      } catch (error) {
        if (!fromIndex || !isGoneTarget(error)) throw error;
        // The index was stale: forget that record and ask the CRM who has the number now.
        await deps.index.remove(digits, progress.target);
        const fresh = await matchCaller(number, deps, { skipIndex: true });
        if (!fresh) throw error;
        progress.target = fresh.record;
        progress.contactLogId = (await log(fresh.record)).logId;
      }
    }
    const target = progress.target;
    if (!deps.settings.attachToOpenDeal || target.type !== 'contact') return { status: 'logged', target, logId: progress.contactLogId };
    if (progress.dealId === undefined) progress.dealId = await openDealOf(target.id, deps);
    if (progress.dealId === null) return { status: 'logged', target, logId: progress.contactLogId };
    try {
      const { logId: dealLogId } = await log({ type: 'deal', id: progress.dealId });
      return { status: 'logged', target, logId: progress.contactLogId, dealLogId };
    } catch (error) {
      if (!isGoneTarget(error)) throw error;
      // The deal is gone or closed: the call stays logged against the contact.
      await deps.links.unlink(target.id, progress.dealId);
      deps.log.warn(`call ${call.id}: deal ${progress.dealId} no longer takes calls; logged against the contact only`);
      return { status: 'logged', target, logId: progress.contactLogId };
    }
  } catch (error) {
    throw new CallLogFailure(progress, error);
  }
}
