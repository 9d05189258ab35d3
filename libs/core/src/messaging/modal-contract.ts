import { isSchema, type Schema, type OutputOf } from '../schema/standard';
import { MessagingError } from './messaging-error';

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
