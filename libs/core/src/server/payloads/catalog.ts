import { z } from 'zod';
import { field, nullableText, recordId } from './fields';

export const productSchema = z.looseObject({
  id: recordId,
  name: z.string(),
  is_deleted: z.boolean().optional(),
});

/** A quote or other CPQ document; a delete sends little more than the id. */
export const cpqDocumentSchema = z.looseObject({
  id: recordId,
  deal_id: recordId.nullable().optional(),
  contact_id: recordId.nullable().optional(),
  sales_account_id: recordId.nullable().optional(),
  is_deleted: z.boolean().optional(),
});

/**
 * A custom module record: `data.custom_module_record` in Freshworks CRM (with an id), `data.custom_module` in
 * Freshsales (with `module_name`, and no id in the sample).
 */
export const customModuleRecordSchema = z.looseObject({
  id: recordId.optional(),
  module_name: z.string().optional(),
  name: field(nullableText).optional(),
  is_deleted: z.boolean().optional(),
});

/** A user's availability per channel (phone, chat...); sent without productContext. */
export const userAgentAvailabilitySchema = z.looseObject({
  user_uuid: z.string(),
  channel_preferences: z.array(z.looseObject({ channel: z.string(), available: z.boolean(), enabled: z.boolean() })),
  user_information: z.array(z.looseObject({})).optional(),
});
