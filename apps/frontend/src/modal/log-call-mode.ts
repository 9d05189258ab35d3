import { CALL_OUTCOMES, logCall, normalizePhone, type CallRecord, type CallTarget } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';
import type { LogCallValues } from '@callbridge/ui';
import '@callbridge/ui/log-call-form';

export { CALL_OUTCOMES };

/**
 * The modal's "Log a call" mode: the form (registered by importing this module, which the modal loads only in this
 * mode) and the log, against the opener's record.
 */
export async function saveCallLog(host: HostPort, input: { target: CallTarget; phone?: string | undefined }, values: LogCallValues): Promise<CallRecord> {
  const phone = input.phone === undefined ? undefined : normalizePhone(input.phone);
  const { call } = await host.callServer(logCall, {
    target: input.target,
    direction: values.direction,
    // The form offers CALL_OUTCOMES only, and callServer checks the input against the contract before sending.
    outcome: values.outcome as (typeof CALL_OUTCOMES)[number],
    durationSeconds: values.durationSeconds,
    notes: values.notes,
    phone: phone?.ok ? phone.e164 : undefined,
    dealId: values.dealId,
  });
  return call;
}
