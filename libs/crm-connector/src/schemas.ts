import { z } from 'zod';

/*
 * The REST API's answers (docs/research/crm-and-aircall-apis.md §A): only what Callbridge reads is checked, every
 * other field passes through. Lists are read item by item, so one odd record does not hide the others.
 */

const id = z.number().int().positive();
const text = z.string().nullish();

export const personSchema = z.looseObject({
  id,
  first_name: text,
  last_name: text,
  display_name: text,
  name: text,
  mobile_number: text,
  work_number: text,
  /** Leads (Freshsales Classic). */
  company: z.looseObject({ name: text }).nullish(),
});
export type Person = z.output<typeof personSchema>;

const list = z.array(z.unknown());

/** `GET /lookup`: one block per entity, doubly nested (`{"contacts": {"contacts": [...]}}`). */
export const lookupSchema = z.looseObject({
  contacts: z.looseObject({ contacts: list }).nullish(),
  leads: z.looseObject({ leads: list }).nullish(),
});

export const contactResponseSchema = z.looseObject({ contact: personSchema });
export const leadResponseSchema = z.looseObject({ lead: personSchema });

export const dealSchema = z.looseObject({
  id,
  name: text,
  deal_stage_id: z.number().int().nullish(),
  /** Not in the documented deal; the emulator copies the stage's onto it. */
  forecast_type: text,
  closed_date: text,
  contact_ids: z.array(z.number().int()).nullish(),
});
export type Deal = z.output<typeof dealSchema>;

/** `GET /contacts/:id?include=deals`. */
export const contactWithDealsSchema = z.looseObject({ contact: z.looseObject({ id }), deals: list.nullish() });

/** `GET /deals/:id?include=contacts`. */
export const dealWithContactsSchema = z.looseObject({ deal: dealSchema, contacts: list.nullish() });

/** `GET /sales_accounts/:id?include=contacts`. */
export const salesAccountWithContactsSchema = z.looseObject({ sales_account: z.looseObject({ id }), contacts: list.nullish() });

export const phoneCallSchema = z.looseObject({
  id,
  /** true = incoming. */
  call_direction: z.boolean().nullish(),
  targetable_type: text,
  targetable_id: z.number().int().nullish(),
  call_duration: z.number().nullish(),
  outcome_id: z.number().int().nullish(),
  /** The emulator names the outcome on the call; the API side-loads `outcomes`. */
  outcome: text,
  note: z.union([z.looseObject({ description: text }), z.string()]).nullish(),
  note_id: z.number().int().nullish(),
  number: text,
  created_at: text,
  updated_at: text,
});
export type PhoneCallJson = z.output<typeof phoneCallSchema>;

const lookupValue = z.looseObject({ id: z.number().int(), name: text });

/** `POST /phone_calls` and `GET /phone_calls/:id`: the call with its side-loads. */
export const phoneCallResponseSchema = z.looseObject({
  phone_call: phoneCallSchema,
  notes: z.array(z.looseObject({ id: z.number().int(), description: text })).nullish(),
  outcomes: z.array(lookupValue).nullish(),
});
export type PhoneCallResponse = z.output<typeof phoneCallResponseSchema>;

export const phoneCallListSchema = z.looseObject({ phone_calls: list });

export const dealStagesSchema = z.looseObject({ deal_stages: z.array(z.looseObject({ id: z.number().int(), forecast_type: text })) });
export const activityTypesSchema = z.looseObject({ sales_activity_types: z.array(z.looseObject({ id: z.number().int(), internal_name: text })) });
export const activityOutcomesSchema = z.looseObject({ sales_activity_outcomes: z.array(lookupValue) });

/** The products' error bodies: `{"errors": {"code", "message": [...]}}`, or `{"login": "failed", "message"}`. */
export const crmErrorBodySchema = z.looseObject({
  errors: z.looseObject({ message: z.union([z.array(z.string()), z.string()]).nullish() }).nullish(),
  message: text,
});

/** Items of a list that parse; the rest are left out. */
export function readItems<S extends z.ZodType>(schema: S, items: readonly unknown[] | null | undefined): z.output<S>[] {
  return (items ?? []).flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
