import { safeParse, type Schema, type InputOf } from '../schema/standard';
import type { PlatformClient } from '../platform/client';
import { INTERFACE_LIMITS } from '../platform/client';
import { newCorrelationId } from './correlation-id';
import { logIgnored } from './debug-log';
import { PROTOCOL_VERSION } from './envelope';
import { describeCause, describeIssues, MessagingError } from './errors';
import { messageHub } from './hub';
import { toJsonValue } from './json';
import type { ModalContract, ModalResult } from './modal-contract';
import { modalOutcomeSchema } from './modal-envelope';
import { DEFAULT_MODAL_POLL_MS, modalInstanceIds, watchModalClosed } from './modal-watch';

export interface OpenModalOptions<I extends Schema> {
  /** Shown in the modal's header; the platform allows at most 30 characters. */
  title: string;
  data: InputOf<I>;
  /** How often to check whether the user closed the modal without a result. */
  pollMs?: number;
}

function checkTitle(title: string): void {
  if (typeof title !== 'string' || title.trim() === '') {
    throw new MessagingError('invalid-title', 'A modal needs a title.');
  }
  if (title.length > INTERFACE_LIMITS.modalTitle) {
    throw new MessagingError(
      'invalid-title',
      `Modal title "${title}" is ${title.length} characters; the platform allows at most ${INTERFACE_LIMITS.modalTitle}.`,
    );
  }
}

/**
 * Opens the contract's modal with `data` and resolves with the result the modal returns through `modalSession`, or
 * `undefined` when it closes without one. Rejects before calling the platform when the title or data are invalid.
 */
export async function openModal<I extends Schema, R extends Schema>(
  client: PlatformClient,
  modal: ModalContract<I, R>,
  options: OpenModalOptions<I>,
): Promise<ModalResult<ModalContract<I, R>> | undefined> {
  checkTitle(options.title);
  const input = safeParse(modal.input, options.data);
  if (!input.success) {
    throw new MessagingError('invalid-input', `The data for modal "${modal.template}" does not match its contract: ${describeIssues(input.error)}`);
  }
  const hub = messageHub(client);
  const id = newCorrelationId();
  const opening = { cb: PROTOCOL_VERSION, modal: id, input: toJsonValue(options.data, `The data for modal "${modal.template}"`) };
  // Modals already open are not ours; if the look-up fails, treat none as open rather than fail the opening.
  const before = modalInstanceIds(await client.instance.get().catch(() => []));

  return new Promise((resolve, reject) => {
    let settled = false;
    let stopWatching = (): void => undefined;
    const finish = (result: ModalResult<ModalContract<I, R>> | undefined): void => {
      settled = true;
      unlisten();
      stopWatching();
      resolve(result);
    };
    const unlisten = hub.listen((envelope, senderId) => {
      if (envelope.kind !== 'modal-result' || envelope.id !== id) return;
      const outcome = safeParse(modalOutcomeSchema, envelope.payload);
      if (!outcome.success) {
        logIgnored(`modal "${modal.template}" sent a malformed outcome (${describeIssues(outcome.error)})`, envelope);
        return;
      }
      if (outcome.data.status === 'dismissed') return finish(undefined);
      const result = safeParse(modal.result, outcome.data.result);
      if (!result.success) {
        // Ignored like any malformed message; the modal closing afterwards resolves `undefined`.
        logIgnored(`modal "${modal.template}" (instance ${senderId}) returned a result that does not match its contract (${describeIssues(result.error)})`, envelope);
        return;
      }
      finish(result.data);
    });

    client.interface.trigger(modal.action, { title: options.title, template: modal.template, data: opening }).then(
      () => {
        if (!settled) stopWatching = watchModalClosed(client, before, options.pollMs ?? DEFAULT_MODAL_POLL_MS, () => finish(undefined));
      },
      (cause: unknown) => {
        settled = true;
        unlisten();
        reject(new MessagingError('send-failed', `The platform did not open modal "${modal.template}": ${describeCause(cause)}`, { cause }));
      },
    );
  });
}
