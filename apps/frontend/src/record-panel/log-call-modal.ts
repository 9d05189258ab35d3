import { callbridgeModal, type CallRecord, type CallTarget, type DealSummary } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';
import { t } from '@callbridge/ui';

/**
 * Opens "Log a call" in the modal, pre-filled: the call the rep logged, or undefined when they closed the modal.
 * Loaded on the rep's click, so a panel does not carry the modal's contract until then.
 */
export async function openLogCallModal(host: HostPort, form: { target: CallTarget; phone: string | undefined; deals: readonly DealSummary[] }): Promise<CallRecord | undefined> {
  const result = await host.openModal(callbridgeModal, { title: t('log.title'), data: { form: 'log-call', ...form, deals: [...form.deals] } });
  return result?.form === 'log-call' ? result.call : undefined;
}
