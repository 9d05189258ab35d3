import { defineModal } from '@callbridge/core';
import * as v from 'valibot';
import { callRecordSchema, callTargetSchema, contactMatchSchema, dealSummarySchema, secondsSchema } from './calls';

const logCallForm = v.object({
  form: v.literal('log-call'),
  target: callTargetSchema,
  phone: v.optional(v.string()),
  direction: v.optional(v.picklist(['inbound', 'outbound'])),
  durationSeconds: v.optional(secondsSchema),
  /** Offered as "related deal" when the contact has open deals. */
  deals: v.optional(v.array(dealSummarySchema), []),
});

const createContactForm = v.object({
  form: v.literal('create-contact'),
  phone: v.string(),
  defaultName: v.string(),
  /** The installation's allowed placeholder types; lead only in Freshsales. */
  allowedTypes: v.pipe(v.array(v.picklist(['contact', 'lead'])), v.minLength(1)),
});

/** Callbridge's one modal template: "Log a call" and "Create contact from number", each returning its result. */
export const callbridgeModal = defineModal({
  template: 'modal.html',
  input: v.variant('form', [logCallForm, createContactForm]),
  result: v.variant('form', [
    v.object({ form: v.literal('log-call'), call: callRecordSchema }),
    v.object({ form: v.literal('create-contact'), contact: contactMatchSchema }),
  ]),
});
