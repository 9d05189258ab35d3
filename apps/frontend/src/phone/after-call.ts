import { CALL_OUTCOMES, logCall, type ContactMatch } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';
import type { LogCallValues } from '@callbridge/ui';
import '@callbridge/ui/log-call-form';
import { html } from 'lit';
import type { CallOutcome } from './outcome';

/** The call being logged, as the phone app holds it. */
export interface CallToLog {
  callId?: string;
  phone: string;
  direction: 'inbound' | 'outbound';
  startedAt: number;
  /** Talk time, as the log form starts with. */
  durationSeconds?: number;
  outcome?: CallOutcome;
}

/** The log form for `call`, with who it may be logged against; `busy` while saving, `error` why saving failed. */
export function logForm(
  call: CallToLog,
  matches: readonly ContactMatch[],
  state: { busy: boolean; error: string },
  on: { submit: (target: ContactMatch, values: LogCallValues) => void; cancel: () => void },
) {
  return html`<cb-log-call-form
    .targets=${matches}
    .outcomes=${CALL_OUTCOMES}
    phone=${call.phone}
    direction=${call.direction}
    outcome=${call.outcome ?? ''}
    .duration=${call.durationSeconds}
    ?busy=${state.busy}
    error=${state.error}
    @cb-log-call-submit=${({ detail }: CustomEvent<LogCallValues>) => on.submit(matches[detail.target] ?? matches[0]!, detail)}
    @cb-cancel=${on.cancel}
  ></cb-log-call-form>`;
}

/**
 * The after-call log: the form's element is registered by importing this module, which the phone app loads when a
 * call is on screen, so the dial pad does not carry it. Answers whether the call had been logged already.
 */
export async function logPhoneCall(host: HostPort, call: CallToLog, target: ContactMatch, values: LogCallValues): Promise<boolean> {
  const { type, id, name } = target;
  const { alreadyLogged } = await host.callServer(logCall, {
    target: { type, id, name },
    direction: values.direction,
    // The form offers CALL_OUTCOMES only, and callServer checks the input against the contract before sending.
    outcome: values.outcome as CallOutcome,
    durationSeconds: values.durationSeconds,
    notes: values.notes,
    phone: call.phone,
    startedAt: new Date(call.startedAt).toISOString(),
    ...(call.callId !== undefined && { callId: call.callId }),
  });
  return alreadyLogged === true;
}
