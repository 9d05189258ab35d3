import * as v from 'valibot';

// valibot rather than zod: these schemas ship in every placeholder's bundle (budget 16 KB gzip).
const positiveId = v.pipe(v.number(), v.integer(), v.minValue(1));

/** Records a call can be logged against. */
export const callTargetSchema = v.object({
  type: v.picklist(['contact', 'lead', 'deal']),
  id: positiveId,
  name: v.optional(v.string()),
});
export type CallTarget = v.InferOutput<typeof callTargetSchema>;

/** Records whose calls a panel lists. */
export const recordRefSchema = v.object({
  type: v.picklist(['contact', 'lead', 'deal', 'sales_account']),
  id: positiveId,
});
export type CallbridgeRecordRef = v.InferOutput<typeof recordRefSchema>;

export const CALL_OUTCOMES = ['Connected', 'No answer', 'Busy', 'Left voicemail', 'Wrong number'] as const;

const seconds = v.pipe(v.number(), v.integer(), v.minValue(0));

/** One call as every surface shows it, whatever the CRM or phone system called its fields. */
export const callRecordSchema = v.object({
  id: v.string(),
  direction: v.picklist(['inbound', 'outbound']),
  outcome: v.string(),
  durationSeconds: seconds,
  /** ISO 8601. */
  startedAt: v.string(),
  notes: v.optional(v.string()),
  phoneNumber: v.optional(v.string()),
  target: v.optional(callTargetSchema),
});
export type CallRecord = v.InferOutput<typeof callRecordSchema>;

/** A record a phone number matched: App Connect's matchedContactInfo, narrowed to what reps see. */
export const contactMatchSchema = v.object({
  id: positiveId,
  type: v.picklist(['contact', 'lead']),
  name: v.string(),
  phone: v.string(),
  company: v.optional(v.string()),
});
export type ContactMatch = v.InferOutput<typeof contactMatchSchema>;

export const dealSummarySchema = v.object({ id: positiveId, name: v.string() });
export type DealSummary = v.InferOutput<typeof dealSummarySchema>;

/** A phone system's call id, as text. */
const callId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

const e164 = v.pipe(v.string(), v.regex(/^\+[1-9]\d{7,14}$/, 'Use a phone number in E.164 form, such as +14155550111'));

export { seconds as secondsSchema, positiveId as positiveIdSchema, callId as callIdSchema, e164 as e164Schema };
