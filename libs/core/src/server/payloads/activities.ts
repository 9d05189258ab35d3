import { z } from 'zod';
import { nullableText, recordId, recordRef } from './fields';

/** What an activity is attached to: `targetable_type` is `Contact`, `Lead`, `Deal` or `SalesAccount`. */
const target = {
  targetable_id: recordId.nullable().optional(),
  targetable_type: nullableText.optional(),
};

export const appointmentSchema = z.looseObject({
  id: recordId,
  title: z.string(),
  from_date: nullableText.optional(),
  end_date: nullableText.optional(),
  is_deleted: z.boolean().optional(),
  ...target,
});

export const taskSchema = z.looseObject({
  id: recordId,
  title: z.string(),
  status: nullableText.optional(),
  due_date: nullableText.optional(),
  owner_id: recordId.nullable().optional(),
  is_deleted: z.boolean().optional(),
  ...target,
});

/** A call logged in the CRM. `phone_number` is null until the call is connected to a number. */
export const phoneCallSchema = z.looseObject({
  id: recordId,
  phone_number: nullableText,
  phone_caller_number: nullableText.optional(),
  call_direction: nullableText.optional(),
  call_duration: z.number().nullable().optional(),
  call_status: nullableText.optional(),
  note: nullableText.optional(),
  entity_id: recordId.nullable().optional(),
  user_id: recordId.nullable().optional(),
  is_deleted: z.boolean().optional(),
});

export const phoneCallAssociationsSchema = z.looseObject({ entity: recordRef.nullable().optional() });

export const salesActivitySchema = z.looseObject({
  id: recordId,
  title: z.string(),
  sales_activity_type_id: recordId.nullable().optional(),
  start_date: nullableText.optional(),
  end_date: nullableText.optional(),
  is_deleted: z.boolean().optional(),
  ...target,
});

export const emailConversationSchema = z.looseObject({
  id: recordId,
  direction: nullableText.optional(),
  subject: nullableText.optional(),
  email_recipients: z
    .array(
      z.looseObject({
        email_address: z.string(),
        field: nullableText.optional(),
        targetable_id: recordId.nullable().optional(),
        targetable_type: nullableText.optional(),
      }),
    )
    .optional(),
});
