import { safeParse, type Schema, type InputOf, type OutputOf } from '../schema/standard';
import type { InstanceContext, PlatformClient } from '../platform/client';
import { newCorrelationId } from './correlation-id';
import { createEnvelope } from './envelope';
import { describeIssues, MessagingError } from './errors';
import { toJsonValue } from './json';
import type { ModalContract } from './modal-contract';
import { modalOpeningSchema } from './modal-envelope';
import { sendMessage } from './send';

/** The modal's side of `openModal`: its validated input and the one way to answer the parent. */
export interface ModalSession<I extends Schema, R extends Schema> {
  readonly input: OutputOf<I>;
  readonly instanceId: string;
  readonly parentId: string | undefined;
  /** Sends the result to the parent, then closes the modal. Later calls return the first call's promise. */
  resolve(result: InputOf<R>): Promise<void>;
  /** Closes the modal; the parent's `openModal` resolves `undefined`. */
  dismiss(): Promise<void>;
}

/** Current products put the opening data in `modalData`, older ones in `data`; some hand it over as a JSON string. */
function readModalData(context: InstanceContext): unknown {
  const raw = context.modalData !== undefined ? context.modalData : context.data;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Reads and validates the data the modal was opened with. Data that did not come from `openModal` (no correlation id)
 * is validated as the input itself, so a modal opened by older code still works; its result then matches no waiter.
 */
export async function modalSession<I extends Schema, R extends Schema>(
  client: PlatformClient,
  modal: ModalContract<I, R>,
): Promise<ModalSession<I, R>> {
  const context = await client.instance.context();
  const raw = readModalData(context);
  const opening = safeParse(modalOpeningSchema, raw);
  const id = opening.success ? opening.data.modal : newCorrelationId();
  const input = safeParse(modal.input, opening.success ? opening.data.input : raw);
  if (!input.success) {
    throw new MessagingError(
      'invalid-input',
      `Modal "${modal.template}" was opened with data that does not match its contract: ${describeIssues(input.error)}`,
    );
  }

  let closing: Promise<void> | undefined;
  const finish = (outcome: { status: 'resolved'; result: unknown } | { status: 'dismissed' }): Promise<void> => {
    closing ??= (async () => {
      const payload = toJsonValue(outcome, `The result of modal "${modal.template}"`);
      try {
        await sendMessage(client, createEnvelope('modal-result', id, modal.template, payload));
      } finally {
        await client.instance.close();
      }
    })();
    return closing;
  };

  return {
    input: input.data,
    instanceId: context.instanceId,
    parentId: context.parentId,
    resolve(result) {
      if (closing !== undefined) return closing;
      const checked = safeParse(modal.result, result);
      if (!checked.success) {
        return Promise.reject(
          new MessagingError('invalid-payload', `The result of modal "${modal.template}" does not match its contract: ${describeIssues(checked.error)}`),
        );
      }
      return finish({ status: 'resolved', result });
    },
    dismiss() {
      return finish({ status: 'dismissed' });
    },
  };
}
