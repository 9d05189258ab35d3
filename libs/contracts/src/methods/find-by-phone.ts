import { defineServerMethodContract } from '@callbridge/core';
import * as v from 'valibot';
import { contactMatchSchema, e164Schema as e164 } from '../calls';

/** Caller match across contacts and leads; never creates anything. */
export const findByPhone = defineServerMethodContract({
  name: 'findByPhone',
  input: v.object({ phone: e164 }),
  output: v.object({ matches: v.array(contactMatchSchema) }),
  timeout: 10,
});
