import { createPlaceholderContact as createPlaceholderContract, dial as dialContract, findByPhone as findByPhoneContract, listCalls as listCallsContract, logCall as logCallContract, openDeals as openDealsContract, phoneKey, type CallRecord } from '@callbridge/contracts';
import { HandlerFailure, implementServerMethod } from '@callbridge/core';
import { findMatches } from '../calls/match-caller';
import { crmConnectorFor, phoneProviderFor } from '../services';
import { phoneIndex } from '../store/phone-index';
import { answering, toHandlerFailure } from './failures';

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
 * A rep's call log, against a contact, lead or deal, and also against `dealId` when given. When the second log
 * fails the first stands; the answer says so, so the rep retries only the deal.
 */
export const logCall = implementServerMethod(logCallContract, (input, ctx) =>
  answering(async () => {
    const crm = crmConnectorFor(ctx, ctx.product);
    const callLog = { direction: input.direction, outcome: input.outcome, durationSeconds: input.durationSeconds, ...(input.phone && { phoneNumber: input.phone }) };
    const note = input.notes?.trim();
    const logged = await crm.createCallLog({ contactInfo: input.target, callLog, ...(note && { note }) });
    if (input.dealId !== undefined && !(input.target.type === 'deal' && input.target.id === input.dealId)) {
      try {
        await crm.createCallLog({ contactInfo: { type: 'deal', id: input.dealId }, callLog, ...(note && { note }) });
      } catch (error) {
        const failure = toHandlerFailure(error);
        const reason = failure instanceof HandlerFailure ? failure.message : 'it failed';
        throw new HandlerFailure(failure instanceof HandlerFailure ? failure.status : 500, `The call was logged against the ${input.target.type}, but not against deal ${input.dealId}: ${reason}`);
      }
    }
    return { call: logged.callLog };
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

/** Puts the number on the rep's phone, ready to call. */
export const dial = implementServerMethod(dialContract, ({ to }, ctx) =>
  answering(async () => {
    await phoneProviderFor(ctx).dial({ to });
    return { ok: true as const };
  }),
);
