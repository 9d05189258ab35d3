import { defineHandler } from '@callbridge/core';
import { reconcile } from '../calls/reconcile';
import { installationStore } from '../store/installation';
import { meteredStore } from '../store/metered-store';
import { callDepsFor } from './call-context';
import { answering } from './failures';

/** The platform stops a scheduled event at 20 s; no call is started after this much of it. */
const BUDGET_MS = 12_000;
/** Of the platform's 50 `$db` calls a minute for the installation; the rest stay for webhooks and phone apps. */
export const RECONCILE_DB_BUDGET = 40;

/** The recurring reconciliation: logs the phone system's calls the webhook missed or failed to log. */
export const onScheduledEvent = defineHandler('onScheduledEvent', async (payload, ctx) => {
  if (payload.data.kind !== 'reconcile') return { ignored: 'not a Callbridge schedule' };
  const metered = meteredStore(ctx.db);
  const deps = callDepsFor({ ...ctx, db: metered.db }, ctx.product);
  return answering(() =>
    reconcile(deps, installationStore(metered.db), { deadline: deps.now() + BUDGET_MS, db: { calls: metered.calls, budget: RECONCILE_DB_BUDGET } }),
  );
});
