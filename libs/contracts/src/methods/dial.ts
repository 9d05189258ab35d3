import { defineServerMethodContract } from '@callbridge/core';
import * as v from 'valibot';
import { e164Schema as e164 } from '../calls';

/** Starts a call from the rep's phone system line. */
const agentEmail = v.pipe(v.string(), v.trim(), v.email('The agent email is not an email address'), v.maxLength(254));

export const dial = defineServerMethodContract({
  name: 'dial',
  input: v.object({
    to: e164,
    /** The logged-in rep's email: the call goes out from that rep's own phone system user (else the first available one). */
    agentEmail: v.optional(agentEmail),
  }),
  output: v.object({ ok: v.literal(true) }),
  timeout: 10,
});

/**
 * What the front end sends to call `to` for the rep whose email is `email`: the email only when it is one, so a rep
 * the platform gives no (or a malformed) email for still gets the call, from the phone system's first available user.
 */
export function dialInput(to: string, email: string | undefined): v.InferInput<typeof dial.input> {
  return email !== undefined && v.is(agentEmail, email) ? { to, agentEmail: email } : { to };
}
