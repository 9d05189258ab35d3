import { defineServerMethodContract } from '@callbridge/core';
import * as v from 'valibot';
import {
  CALL_OUTCOMES,
  callRecordSchema,
  callTargetSchema,
  contactMatchSchema,
  dealSummarySchema,
  positiveIdSchema,
  recordRefSchema,
  secondsSchema,
  callIdSchema,
  e164Schema as e164,
} from './calls';

/** Caller match across contacts and leads; never creates anything. */
export const findByPhone = defineServerMethodContract({
  name: 'findByPhone',
  input: v.object({ phone: e164 }),
  output: v.object({ matches: v.array(contactMatchSchema) }),
  timeout: 10,
});

/** A placeholder contact (or lead in Freshsales) for an unknown number, named by the rep or the installation default. */
export const createPlaceholderContact = defineServerMethodContract({
  name: 'createPlaceholderContact',
  input: v.object({
    phone: e164,
    name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a name'), v.maxLength(60, 'Use at most 60 characters')),
    type: v.picklist(['contact', 'lead']),
  }),
  output: v.object({ contact: contactMatchSchema }),
  timeout: 10,
});

export const logCall = defineServerMethodContract({
  name: 'logCall',
  input: v.object({
    target: callTargetSchema,
    direction: v.picklist(['inbound', 'outbound']),
    outcome: v.picklist(CALL_OUTCOMES),
    durationSeconds: v.pipe(secondsSchema, v.maxValue(86_400, 'A call lasts at most 24 hours')),
    notes: v.optional(v.pipe(v.string(), v.maxLength(2_000, 'Notes hold at most 2000 characters'))),
    phone: v.optional(e164),
    startedAt: v.optional(v.string()),
    dealId: v.optional(positiveIdSchema),
    /** The phone system's call id, when the call came from it: one such call is logged once, by the rep or by the server. */
    callId: v.optional(callIdSchema),
  }),
  output: v.object({
    call: callRecordSchema,
    /** The call (by `callId`) was logged before, automatically or by another rep: `call` is that log, nothing new was written. */
    alreadyLogged: v.optional(v.literal(true)),
  }),
  timeout: 10,
});
export type LogCallInput = v.InferOutput<typeof logCall.input>;

export const listCalls = defineServerMethodContract({
  name: 'listCalls',
  input: v.object({ record: recordRefSchema, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))) }),
  output: v.object({
    calls: v.array(callRecordSchema),
    /** Across an account's contacts: calls since Monday and the last call's time. */
    summary: v.optional(v.object({ thisWeek: secondsSchema, lastContactedAt: v.nullable(v.string()) })),
  }),
  timeout: 10,
});

export const openDeals = defineServerMethodContract({
  name: 'openDeals',
  input: v.object({ contactId: positiveIdSchema }),
  output: v.object({ deals: v.array(dealSummarySchema) }),
  timeout: 10,
});

/** Starts a call from the rep's phone system line. */
export const dial = defineServerMethodContract({
  name: 'dial',
  input: v.object({
    to: e164,
    /** The logged-in rep's email: the call goes out from that rep's own phone system user (else the first available one). */
    agentEmail: v.optional(v.pipe(v.string(), v.trim(), v.email('The agent email is not an email address'), v.maxLength(254))),
  }),
  output: v.object({ ok: v.literal(true) }),
  timeout: 10,
});
