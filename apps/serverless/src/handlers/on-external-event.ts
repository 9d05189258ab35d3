import { defineHandler, HandlerFailure, isPlatformError, type HandlerLogger, type KeyValueStore } from '@callbridge/core';
import type { PhoneEvent } from '@callbridge/phone-provider';
import { processCall } from '../calls/process-call';
import { installationStore } from '../store/installation';
import { liveCallOf, liveCallStore } from '../store/live-call';
import { callDepsFor } from './call-context';

/**
 * Keeps `live:call` for the phone app. Best effort: a `$db` failure here must never keep an ended call from being
 * logged, and the next event (or the phone app's own timer) makes up for a missed one.
 */
async function trackLiveCall(event: PhoneEvent, db: KeyValueStore, log: HandlerLogger): Promise<'stored' | 'kept' | 'untracked' | 'failed'> {
  const live = liveCallOf(event);
  if (!live) return 'untracked';
  try {
    return (await liveCallStore(db).record(live)) ? 'stored' : 'kept';
  } catch (error) {
    log.warn(`the live call ${live.callId} could not be kept for the phone app: ${error instanceof Error ? error.message : 'a platform error'}`);
    return 'failed';
  }
}

/**
 * A delivery from the phone system's webhook: verify its token, keep the call where the phone app can see it, then
 * log an ended call exactly once (processCall). A failed log is recorded and answered as accepted: the
 * reconciliation retries it. Nothing is stored before the token is verified.
 */
export const onExternalEvent = defineHandler('onExternalEvent', async (payload, ctx) => {
  const deps = callDepsFor(ctx, ctx.product);
  const expected = deps.settings.webhookToken ?? (await installationStore(ctx.db).webhook())?.token;
  if (!expected) throw new HandlerFailure(409, `Callbridge has no ${deps.phone.label} webhook registered for this installation: reinstall the app`);
  const read = deps.phone.readEvent(payload.data, expected);
  if (!read.ok) throw new HandlerFailure(read.reason === 'unverified' ? 401 : 400, read.message);
  const { event } = read;
  if (event.kind !== 'call') return { event: event.name, ignored: 'not a call event' };
  if (event.call.state !== 'ended') return { event: event.name, callId: event.call.id, live: await trackLiveCall(event, ctx.db, ctx.log) };
  // Logging first: under the platform's $db limit the log matters more than what the phone app shows.
  let processed: Awaited<ReturnType<typeof processCall>>;
  try {
    processed = await processCall(event.call, deps);
  } catch (error) {
    // At the platform's `$db` limit nothing can be recorded; the reconciliation lists the call and logs it.
    if (!(isPlatformError(error) && error.status === 429)) throw error;
    processed = { outcome: 'deferred', detail: 'the platform limits $db calls; the next reconciliation logs it' };
  }
  const { outcome, detail } = processed;
  // A call that rang before the watermark (while the app was being installed) must still be retried.
  if (outcome === 'failed') await installationStore(ctx.db).cover(event.call.startedAtSeconds).catch(() => false);
  const live = await trackLiveCall(event, ctx.db, ctx.log);
  return { event: event.name, callId: event.call.id, live, outcome, ...(detail && { detail }) };
});
