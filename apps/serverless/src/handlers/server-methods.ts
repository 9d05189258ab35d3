import { createPlaceholderContact as createPlaceholderContract, currentCall as currentCallContract, dial as dialContract, findByPhone as findByPhoneContract, listCalls as listCallsContract, logCall as logCallContract, openDeals as openDealsContract, phoneKey, type CallRecord } from '@callbridge/contracts';
import { HandlerFailure, implementServerMethod } from '@callbridge/core';
import { findMatches } from '../calls/match-caller';
import { crmConnectorFor, phoneProviderFor } from '../services';
import { callLedger } from '../store/call-ledger';
import { liveCallStore } from '../store/live-call';
import { phoneIndex } from '../store/phone-index';
import { callDepsFor } from './call-context';
import { answering } from './failures';
import { logHandledCall, logRepCall } from './rep-call-log';

/** Caller match across contacts and leads, from the phone index or the CRM; never creates anything. */
export const findByPhone = implementServerMethod(findByPhoneContract, ({ phone }, ctx) =>
  answering(async () => ({ matches: (await findMatches(phone, { crm: crmConnectorFor(ctx, ctx.product), index: phoneIndex(ctx.db) })).matches })),
);

/** A placeholder contact (or lead, in Freshsales) for an unknown number, indexed at once for the calls that follow. */
export const createPlaceholderContact = implementServerMethod(createPlaceholderContract, ({ phone, name, type }, ctx) =>
  answering(async () => {
    const crm = crmConnectorFor(ctx, ctx.product);
    if (!crm.contactTypes.includes(type)) throw new HandlerFailure(400, `Freshworks CRM has no leads: create a contact instead`);
    const { contactInfo } = await crm.createContact({ phoneNumber: phone, newContactName: name, newContactType: type });
    await phoneIndex(ctx.db).add(phoneKey(phone)!, contactInfo);
    return { contact: { ...contactInfo, phone } };
  }),
);

/**
 * A rep's call log, against a contact, lead or deal, and also against `dealId` when given. A phone system call
 * (`callId`, from the phone app) goes through the call ledger, so it is logged once whoever logs it first.
 */
export const logCall = implementServerMethod(logCallContract, (input, ctx) =>
  answering(() => {
    const { callId } = input;
    return callId === undefined ? logRepCall(input, crmConnectorFor(ctx, ctx.product)) : logHandledCall({ ...input, callId }, callDepsFor(ctx, ctx.product));
  }),
);

const DEFAULT_LIMIT = 25;

/** Monday 00:00 UTC of the week `now` falls in. */
function startOfWeek(now: Date): number {
  const day = (now.getUTCDay() + 6) % 7;
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day);
}

function summaryOf(calls: readonly CallRecord[], now: Date) {
  const monday = startOfWeek(now);
  return { thisWeek: calls.filter((c) => Date.parse(c.startedAt) >= monday).length, lastContactedAt: calls[0]?.startedAt || null };
}

/** A record's calls, newest first; an account's also counts this week's calls and the last one. */
export const listCalls = implementServerMethod(listCallsContract, ({ record, limit }, ctx) =>
  answering(async () => {
    const crm = crmConnectorFor(ctx, ctx.product);
    const wanted = limit ?? DEFAULT_LIMIT;
    if (record.type !== 'sales_account') return { calls: (await crm.listCallLogs({ record, limit: wanted })).calls };
    const { calls } = await crm.listCallLogs({ record, limit: 100 });
    return { calls: calls.slice(0, wanted), summary: summaryOf(calls, ctx.now()) };
  }),
);

export const openDeals = implementServerMethod(openDealsContract, ({ contactId }, ctx) => answering(() => crmConnectorFor(ctx, ctx.product).getOpenDeals({ contactId })));

/** Puts the number on the rep's phone (the phone system user with the rep's email), ready to call. */
export const dial = implementServerMethod(dialContract, ({ to, agentEmail }, ctx) =>
  answering(async () => {
    await phoneProviderFor(ctx).dial({ to, ...(agentEmail && { agentEmail }) });
    return { ok: true as const };
  }),
);

/**
 * The phone system's latest call, for the phone app to poll. `handling` (the call the app is showing the rep) holds
 * that call for the rep's own log: the server will not log it itself for a while (REP_HOLD_SECONDS).
 */
export const currentCall = implementServerMethod(currentCallContract, async ({ handling }, ctx) => {
  const call = await liveCallStore(ctx.db).get();
  if (call && handling === call.callId) await callLedger(ctx.db).holdForRep(call.callId, ctx.now().getTime());
  return { call: call ?? null };
});
