import { defineHandler } from '@callbridge/core';
import { reconcile } from '../calls/reconcile';
import { installationStore } from '../store/installation';
import { callDepsFor } from './call-context';
import { answering } from './failures';

/** The platform stops a scheduled event at 20 s; no call is started after this much of it. */
const BUDGET_MS = 12_000;

/** The recurring reconciliation: logs the phone system's calls the webhook missed or failed to log. */
export const onScheduledEvent = defineHandler('onScheduledEvent', async (payload, ctx) => {
  if (payload.data.kind !== 'reconcile') return { ignored: 'not a Callbridge schedule' };
  const deps = callDepsFor(ctx, ctx.product);
  return answering(() => reconcile(deps, installationStore(ctx.db), { deadline: deps.now() + BUDGET_MS }));
});
