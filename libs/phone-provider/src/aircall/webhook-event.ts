import type { ReadEventResult } from '../provider';
import { tokensMatch } from '../token';
import { aircallEnvelopeSchema } from './schemas';
import { readAircallCall } from './to-phone-call';

function bodyOf(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * Reads an Aircall webhook delivery `{resource, event, timestamp, token, data}`. The token is checked before
 * anything else is trusted: Aircall signs nothing, so the token is the only proof the call came from Aircall.
 */
export function readAircallEvent(raw: unknown, expectedToken: string): ReadEventResult {
  const envelope = aircallEnvelopeSchema.safeParse(bodyOf(raw));
  if (!envelope.success) return { ok: false, reason: 'malformed', message: 'The body is not an Aircall webhook event ({resource, event, token, data})' };
  if (!tokensMatch(envelope.data.token, expectedToken)) {
    return { ok: false, reason: 'unverified', message: "The event's token does not match the webhook Callbridge registered" };
  }
  const { resource, event } = envelope.data;
  if (resource !== 'call') return { ok: true, event: { kind: 'other', name: event } };
  const call = readAircallCall(envelope.data.data);
  if (!call) return { ok: false, reason: 'malformed', message: `The ${event} event carries no call Callbridge can read` };
  return { ok: true, event: { kind: 'call', name: event, call } };
}
