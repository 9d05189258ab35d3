import { z } from 'zod';
import type { JsonValue } from '../platform/client';

/** Protocol version: receivers ignore envelopes of other versions rather than misread them. */
export const PROTOCOL_VERSION = 1;

export const ENVELOPE_KINDS = ['request', 'reply', 'broadcast', 'modal-result'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

/** Every Callbridge message between instances travels in one of these. */
export const envelopeSchema = z.object({
  cb: z.literal(PROTOCOL_VERSION),
  kind: z.enum(ENVELOPE_KINDS),
  /** Correlation id: a reply carries its request's id, a modal result the id `openModal` gave the modal. */
  id: z.string().min(1).max(200),
  /** The message type name from the contract (for modal results, the modal's template). */
  type: z.string().min(1).max(200),
  payload: z.unknown(),
  /** Only on replies whose handler failed: the requester rejects with this message instead of waiting. */
  error: z.object({ message: z.string() }).optional(),
});

export type Envelope = z.output<typeof envelopeSchema>;

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
