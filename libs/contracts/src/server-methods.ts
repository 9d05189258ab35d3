import { defineServerMethodContract } from '@callbridge/core';
import { z } from 'zod';
import { CALL_OUTCOMES, callRecordSchema, callTargetSchema, contactMatchSchema, dealSummarySchema, recordRefSchema } from './calls';

const e164 = z.string().regex(/^\+[1-9]\d{7,14}$/, 'a phone number in E.164 form, such as +14155550111');

/** Caller match across contacts and leads; never creates anything. */
export const findByPhone = defineServerMethodContract({
  name: 'findByPhone',
  input: z.object({ phone: e164 }),
  output: z.object({ matches: z.array(contactMatchSchema) }),
  timeout: 10,
});

/** A placeholder contact (or lead in Freshsales) for an unknown number, named by the rep or the installation default. */
export const createPlaceholderContact = defineServerMethodContract({
  name: 'createPlaceholderContact',
  input: z.object({ phone: e164, name: z.string().trim().min(1).max(60), type: z.enum(['contact', 'lead']) }),
  output: z.object({ contact: contactMatchSchema }),
  timeout: 10,
});

export const logCall = defineServerMethodContract({
  name: 'logCall',
  input: z.object({
    target: callTargetSchema,
    direction: z.enum(['inbound', 'outbound']),
    outcome: z.enum(CALL_OUTCOMES),
    durationSeconds: z.number().int().min(0).max(86_400),
    notes: z.string().max(2_000).optional(),
    phone: e164.optional(),
    startedAt: z.string().optional(),
    dealId: z.number().int().positive().optional(),
  }),
  output: z.object({ call: callRecordSchema }),
  timeout: 10,
});

export const listCalls = defineServerMethodContract({
  name: 'listCalls',
  input: z.object({ record: recordRefSchema, limit: z.number().int().min(1).max(100).optional() }),
  output: z.object({
    calls: z.array(callRecordSchema),
    /** Across an account's contacts: calls since Monday and the last call's time. */
    summary: z.object({ thisWeek: z.number().int().nonnegative(), lastContactedAt: z.string().nullable() }).optional(),
  }),
  timeout: 10,
});

export const openDeals = defineServerMethodContract({
  name: 'openDeals',
  input: z.object({ contactId: z.number().int().positive() }),
  output: z.object({ deals: z.array(dealSummarySchema) }),
  timeout: 10,
});

/** Starts a call from the rep's phone system line. */
export const dial = defineServerMethodContract({
  name: 'dial',
  input: z.object({ to: e164 }),
  output: z.object({ ok: z.literal(true) }),
  timeout: 10,
});

export const SERVER_METHODS = [findByPhone, createPlaceholderContact, logCall, listCalls, openDeals, dial] as const;
