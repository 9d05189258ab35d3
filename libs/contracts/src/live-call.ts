import { defineServerMethodContract } from '@callbridge/core';
import * as v from 'valibot';
import { CALL_OUTCOMES, callIdSchema, e164Schema, secondsSchema } from './calls';

// Beside the schema of the call it answers with, which only the phone app's bundle carries.

/** The phone system's latest call as its webhook last reported it: what the phone app shows as ringing, and logs once ended. */
export const liveCallSchema = v.object({
  callId: callIdSchema,
  /** The other party. */
  phone: e164Schema,
  direction: v.picklist(['inbound', 'outbound']),
  state: v.picklist(['ringing', 'answered', 'ended']),
  /** ISO 8601. */
  startedAt: v.string(),
  /** Talk time, once the call ended: 0 when nobody answered. */
  durationSeconds: v.optional(secondsSchema),
  /**
   * How the call went, once it ended, as the phone system tells it (voicemail, busy…): what the rep's log form starts
   * with. Optional, and read as absent when it is not one of CALL_OUTCOMES, so it never stops the phone app polling.
   */
  outcome: v.fallback(v.optional(v.picklist(CALL_OUTCOMES)), undefined),
});
export type LiveCall = v.InferOutput<typeof liveCallSchema>;

/**
 * What the phone app polls: the platform has no incoming-call event for CTI apps, so the server keeps the latest call
 * from the phone system's webhook. `handling` names the call the phone app is showing the rep; the server then leaves
 * logging it to the rep for a while instead of logging it the moment it ends.
 */
export const currentCall = defineServerMethodContract({
  name: 'currentCall',
  input: v.object({ handling: v.optional(callIdSchema) }),
  output: v.object({ call: v.nullable(liveCallSchema) }),
  timeout: 5,
});

