import * as v from 'valibot';
import { PROTOCOL_VERSION } from './envelope';

// Apart from modal-contract.ts: `defineModal` is in every bundle that names a modal, these only in the code that opens
// modals and answers them, which loads on first use.

/**
 * What `openModal` passes as the platform's modal data: the input plus the correlation id the modal's result must carry.
 */
export const modalOpeningSchema = v.object({
  cb: v.literal(PROTOCOL_VERSION),
  modal: v.pipe(v.string(), v.minLength(1)),
  input: v.unknown(),
});

/** The payload of a `modal-result` envelope. */
export const modalOutcomeSchema = v.variant('status', [
  v.object({ status: v.literal('resolved'), result: v.unknown() }),
  v.object({ status: v.literal('dismissed') }),
]);
