import { defineServerMethodContract } from '@callbridge/core';
import * as v from 'valibot';
import { contactMatchSchema, e164Schema as e164 } from '../calls';

/** A placeholder contact (or lead in Freshsales) for an unknown number, named by the rep or the installation default. */
export const createPlaceholderContact = defineServerMethodContract({
  name: 'createPlaceholderContact',
  input: v.object({
    phone: e164,
    name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a name'), v.maxLength(60, 'Use at most 60 characters')),
    type: v.picklist(['contact', 'lead']),
  }),
  output: v.object({ contact: contactMatchSchema }),
  timeout: 10,
});
