import { defineServerMethodContract } from '@callbridge/core';
import * as v from 'valibot';
import { callRecordSchema, recordRefSchema, secondsSchema } from '../calls';

/** A record's calls, newest first; a deal's and an account's include their contacts' calls. */
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
