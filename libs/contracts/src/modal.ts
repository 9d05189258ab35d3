import { defineModal } from '@callbridge/core';
import { z } from 'zod';
import { callRecordSchema, callTargetSchema, contactMatchSchema, dealSummarySchema } from './calls';

const logCallForm = z.object({
  form: z.literal('log-call'),
  target: callTargetSchema,
  phone: z.string().optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  durationSeconds: z.number().int().nonnegative().optional(),
  /** Offered as "related deal" when the contact has open deals. */
  deals: z.array(dealSummarySchema).default([]),
});

const createContactForm = z.object({
  form: z.literal('create-contact'),
  phone: z.string(),
  defaultName: z.string(),
  /** The installation's allowed placeholder types; lead only in Freshsales. */
  allowedTypes: z.array(z.enum(['contact', 'lead'])).min(1),
});

/** Callbridge's one modal template: "Log a call" and "Create contact from number", each returning its result. */
export const callbridgeModal = defineModal({
  template: 'modal.html',
  input: z.discriminatedUnion('form', [logCallForm, createContactForm]),
  result: z.discriminatedUnion('form', [
    z.object({ form: z.literal('log-call'), call: callRecordSchema }),
    z.object({ form: z.literal('create-contact'), contact: contactMatchSchema }),
  ]),
});
