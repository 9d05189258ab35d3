import { z } from 'zod';
import { MessagingError } from './errors';
import { isSchema } from './contract';
import { PROTOCOL_VERSION } from './envelope';

/** A modal (or dialog) template with the data it is opened with and the result it returns to its parent. */
export interface ModalContract<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly template: string;
  readonly input: I;
  readonly result: R;
  /** `showModal` (default) or the smaller `showDialog`. */
  readonly action: 'showModal' | 'showDialog';
}

export type ModalInput<M extends ModalContract> = z.output<M['input']>;
export type ModalResult<M extends ModalContract> = z.output<M['result']>;

export function defineModal<I extends z.ZodType, R extends z.ZodType>(definition: {
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
    throw new MessagingError('invalid-contract', `Modal "${template}" needs zod schemas for both input and result.`);
  }
  return { template, input, result, action };
}

/**
 * What `openModal` passes as the platform's modal data: the input plus the correlation id the modal's result must carry.
 */
export const modalOpeningSchema = z.object({
  cb: z.literal(PROTOCOL_VERSION),
  modal: z.string().min(1),
  input: z.unknown(),
});

/** The payload of a `modal-result` envelope. */
export const modalOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('resolved'), result: z.unknown() }),
  z.object({ status: z.literal('dismissed') }),
]);
