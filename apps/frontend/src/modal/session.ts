import { callbridgeModal } from '@callbridge/contracts';
import type { HostPort, ModalSession } from '@callbridge/core';

export type CallbridgeSession = ModalSession<typeof callbridgeModal.input, typeof callbridgeModal.result>;

/**
 * The modal's session: the data the opener sent, checked by the modal's contract, and the one way to answer. Loaded
 * with the contract and the code that answers the opener, which the modal needs only once it has started.
 */
export function openSession(host: HostPort): Promise<CallbridgeSession> {
  return host.modalSession(callbridgeModal);
}
