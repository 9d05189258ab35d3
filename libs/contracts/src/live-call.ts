import { defineServerMethodContract } from '@callbridge/core';
import * as v from 'valibot';
import { callIdSchema, e164Schema, secondsSchema } from './calls';

// Apart from server-methods.ts, so only the phone app's bundle carries what only the phone app asks for.

/** The phone system's latest call as its webhook last reported it: what the phone app shows as ringing, and logs once ended. */
export const liveCallSchema = v.object({
  callId: callIdSchema,
  /** The other party. */
  phone: e164Schema,
  direction: v.picklist(['inbound', 'outbound']),
  state: v.picklist(['ringing', 'answered', 'ended']),
  /** ISO 8601. */
  startedAt: v.string(),
  /** Talk time, once the call ended. */
  durationSeconds: v.optional(secondsSchema),
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

