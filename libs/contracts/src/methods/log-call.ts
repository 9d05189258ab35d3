import { defineServerMethodContract } from '@callbridge/core';
import * as v from 'valibot';
import { CALL_OUTCOMES, callIdSchema, callRecordSchema, callTargetSchema, e164Schema as e164, positiveIdSchema, secondsSchema } from '../calls';

/** A call log against a contact, lead or deal (and the related deal), written by a rep. */
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
