import { defineHandler, HandlerFailure } from '@callbridge/core';
import { processCall } from '../calls/process-call';
import { installationStore } from '../store/installation';
import { callDepsFor } from './call-context';

/**
 * A delivery from the phone system's webhook: verify its token, skip what is not an ended call, then log the call
 * exactly once (processCall). A failed log is recorded and answered as accepted: the reconciliation retries it.
 */
export const onExternalEvent = defineHandler('onExternalEvent', async (payload, ctx) => {
  const deps = callDepsFor(ctx, ctx.product);
  const expected = deps.settings.webhookToken ?? (await installationStore(ctx.db).webhook())?.token;
  if (!expected) throw new HandlerFailure(409, `Callbridge has no ${deps.phone.label} webhook registered for this installation: reinstall the app`);
  const read = deps.phone.readEvent(payload.data, expected);
  if (!read.ok) throw new HandlerFailure(read.reason === 'unverified' ? 401 : 400, read.message);
  const { event } = read;
  if (event.kind !== 'call') return { event: event.name, ignored: 'not a call event' };
  if (event.call.state !== 'ended') return { event: event.name, callId: event.call.id, ignored: 'the call has not ended yet' };
  const { outcome, detail } = await processCall(event.call, deps);
  return { event: event.name, callId: event.call.id, outcome, ...(detail && { detail }) };
});
