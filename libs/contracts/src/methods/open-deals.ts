import { defineServerMethodContract } from '@callbridge/core';
import * as v from 'valibot';
import { dealSummarySchema, positiveIdSchema } from '../calls';

/** The contact's open deals, offered as the related deal of a call log. */
export const openDeals = defineServerMethodContract({
  name: 'openDeals',
  input: v.object({ contactId: positiveIdSchema }),
  output: v.object({ deals: v.array(dealSummarySchema) }),
  timeout: 10,
});
