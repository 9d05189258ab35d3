import { z } from 'zod';
import { classicChangesSchema } from './changes';
import { field, lookup, nullableText, recordId } from './fields';

/*
 * The records Callbridge reads: ids, names and phone numbers are strict; every other field passes through as sent.
 * Fields modelled here are parsed to their bare value whichever form they arrived in.
 */

const person = {
  id: recordId,
  first_name: field(nullableText),
  last_name: field(nullableText),
  /** Freshsales Classic sends it bare; Freshworks CRM, when it sends it, wraps it like every other field. */
  display_name: field(nullableText).optional(),
  /** Freshworks CRM. */
  name: field(nullableText).optional(),
  email: field(nullableText).optional(),
  mobile_number: field(nullableText),
  work_number: field(nullableText),
  is_deleted: z.boolean().optional(),
  /** Freshsales Classic puts update changes on the record. */
  changes: classicChangesSchema.optional(),
};

export const contactSchema = z.looseObject(person);

export const leadSchema = z.looseObject({
  ...person,
  company: z.looseObject({ id: recordId, name: nullableText }).nullable().optional(),
  deal: z.looseObject({ id: recordId, name: nullableText }).nullable().optional(),
});

export const dealSchema = z.looseObject({
  id: recordId,
  name: field(z.string()),
  amount: field(z.union([z.string(), z.number()]).nullable()).optional(),
  /** Freshworks CRM only; Classic deals do not list their contacts in the payload. */
  contact_ids: z.array(recordId).optional(),
  sales_account_id: field(recordId.nullable()).optional(),
  deal_stage_id: field(recordId.nullable()).optional(),
  deal_pipeline_id: field(recordId.nullable()).optional(),
  is_deleted: z.boolean().optional(),
  changes: classicChangesSchema.optional(),
});

export const dealAssociationsSchema = z.looseObject({
  contacts: z.array(z.looseObject({ id: recordId })).optional(),
  deal_stage: lookup.extend({ forecast_type: z.string().optional() }).nullable().optional(),
});

export const salesAccountSchema = z.looseObject({
  id: recordId,
  name: field(z.string()),
  phone: field(nullableText).optional(),
  is_deleted: z.boolean().optional(),
  changes: classicChangesSchema.optional(),
});

export type ContactRecordPayload = z.output<typeof contactSchema>;
export type LeadRecordPayload = z.output<typeof leadSchema>;
export type DealRecordPayload = z.output<typeof dealSchema>;
export type SalesAccountRecordPayload = z.output<typeof salesAccountSchema>;
