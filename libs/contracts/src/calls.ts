import { z } from 'zod';

/** Records a call can be logged against. */
export const callTargetSchema = z.object({
  type: z.enum(['contact', 'lead', 'deal']),
  id: z.number().int().positive(),
  name: z.string().optional(),
});
export type CallTarget = z.infer<typeof callTargetSchema>;

/** Records whose calls a panel lists. */
export const recordRefSchema = z.object({
  type: z.enum(['contact', 'lead', 'deal', 'sales_account']),
  id: z.number().int().positive(),
});
export type CallbridgeRecordRef = z.infer<typeof recordRefSchema>;

export const CALL_OUTCOMES = ['Connected', 'No answer', 'Busy', 'Left voicemail', 'Wrong number'] as const;

/** One call as every surface shows it, whatever the CRM or phone system called its fields. */
export const callRecordSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  outcome: z.string(),
  durationSeconds: z.number().int().nonnegative(),
  /** ISO 8601. */
  startedAt: z.string(),
  notes: z.string().optional(),
  phoneNumber: z.string().optional(),
  target: callTargetSchema.optional(),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

/** A record a phone number matched: App Connect's matchedContactInfo, narrowed to what reps see. */
export const contactMatchSchema = z.object({
  id: z.number().int().positive(),
  type: z.enum(['contact', 'lead']),
  name: z.string(),
  phone: z.string(),
  company: z.string().optional(),
});
export type ContactMatch = z.infer<typeof contactMatchSchema>;

export const dealSummarySchema = z.object({ id: z.number().int().positive(), name: z.string() });
export type DealSummary = z.infer<typeof dealSummarySchema>;
