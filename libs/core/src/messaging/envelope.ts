import { type OutputOf } from '../schema/standard';
import * as v from 'valibot';
import type { JsonValue } from '../platform/client';

/** Protocol version: receivers ignore envelopes of other versions rather than misread them. */
export const PROTOCOL_VERSION = 1;

export const ENVELOPE_KINDS = ['request', 'reply', 'broadcast', 'modal-result'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

/** Every Callbridge message between instances travels in one of these. */
export const envelopeSchema = v.object({
  cb: v.literal(PROTOCOL_VERSION),
  kind: v.picklist(ENVELOPE_KINDS),
  /** Correlation id: a reply carries its request's id, a modal result the id `openModal` gave the modal. */
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** The message type name from the contract (for modal results, the modal's template). */
  type: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  payload: v.unknown(),
  /** Only on replies whose handler failed: the requester rejects with this message instead of waiting. */
  error: v.optional(v.object({ message: v.string() })),
});

export type Envelope = OutputOf<typeof envelopeSchema>;

export function createEnvelope(
  kind: EnvelopeKind,
  id: string,
  type: string,
  payload: JsonValue,
  error?: { message: string },
): { [key: string]: JsonValue } {
  return error === undefined
    ? { cb: PROTOCOL_VERSION, kind, id, type, payload }
    : { cb: PROTOCOL_VERSION, kind, id, type, payload, error };
}
