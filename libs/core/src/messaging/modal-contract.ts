import { type Schema, type OutputOf } from '../schema/standard';
import * as v from 'valibot';
import { MessagingError } from './errors';
import { isSchema } from './contract';
import { PROTOCOL_VERSION } from './envelope';

/** A modal (or dialog) template with the data it is opened with and the result it returns to its parent. */
export interface ModalContract<I extends Schema = Schema, R extends Schema = Schema> {
  readonly template: string;
  readonly input: I;
  readonly result: R;
  /** `showModal` (default) or the smaller `showDialog`. */
  readonly action: 'showModal' | 'showDialog';
}

export type ModalInput<M extends ModalContract> = OutputOf<M['input']>;
export type ModalResult<M extends ModalContract> = OutputOf<M['result']>;

/* @__NO_SIDE_EFFECTS__ */
export function defineModal<I extends Schema, R extends Schema>(definition: {
  template: string;
  input: I;
  result: R;
  action?: 'showModal' | 'showDialog';
}): ModalContract<I, R> {
  const { template, input, result, action = 'showModal' } = definition;
  if (typeof template !== 'string' || template.trim() === '') {
    throw new MessagingError('invalid-contract', 'A modal needs its template, the HTML file under app/ (for example "modal.html").');
  }
  if (!isSchema(input) || !isSchema(result)) {
    throw new MessagingError('invalid-contract', `Modal "${template}" needs schemas (zod or valibot) for both input and result.`);
  }
  return { template, input, result, action };
}

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
