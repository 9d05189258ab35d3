import { defineHandler, ensureRecurringSchedule, HandlerFailure } from '@callbridge/core';
import { PhoneProviderError } from '@callbridge/phone-provider';
import { phoneProviderFor } from '../services';
import { readSettings } from '../settings';
import { installationStore } from '../store/installation';
import { RECONCILE_EVERY, RECONCILE_SCHEDULE } from './schedule';

const WEBHOOK_NAME = 'Callbridge';
/**
 * The reconciliation starts this far before the install, so a call that was ringing while the app was installed (whose
 * webhook delivery came before the subscription, or failed) is logged too; calls in that window get logged once.
 */
export const INSTALL_LOOK_BACK_SECONDS = 15 * 60;

/**
 * Registers the phone system's webhook at this installation's target URL (unless the admin pinned an existing one
 * by its token), keeps its id and token in `$db`, and creates the recurring reconciliation. Wrong credentials stop
 * the install with a message saying where to fix them.
 */
export const onAppInstall = defineHandler('onAppInstall', async (payload, ctx) => {
  const settings = readSettings(payload.iparams, ctx.product);
  const phone = phoneProviderFor(ctx);
  const store = installationStore(ctx.db);
  let registered: string | undefined;
  try {
    if (settings.webhookToken) {
      await store.setWebhook({ provider: phone.id, token: settings.webhookToken, pinned: true });
    } else {
      const previous = await store.webhook();
      // A reinstall after an uninstall that could not reach the phone system: drop the old subscription first.
      if (previous?.id && !previous.pinned) await phone.deleteWebhook(previous.id).catch(() => false);
      const webhook = await phone.registerWebhook({ url: await ctx.generateTargetUrl(), name: WEBHOOK_NAME });
      registered = webhook.id;
      await store.setWebhook({ provider: phone.id, id: webhook.id, token: webhook.token, pinned: false });
    }
    await store.startWatermark(ctx.now().getTime() / 1000 - INSTALL_LOOK_BACK_SECONDS);
    const schedule = await ensureRecurringSchedule(RECONCILE_SCHEDULE, RECONCILE_EVERY, { kind: 'reconcile' }, { schedule: ctx.schedule, now: () => ctx.now().getTime() });
    return { webhook: settings.webhookToken ? 'pinned' : 'registered', schedule };
  } catch (error) {
    // Leave nothing behind in the phone system when the install fails after registering.
    if (registered) await phone.deleteWebhook(registered).catch(() => false);
    if (error instanceof PhoneProviderError) {
      throw new HandlerFailure(error.kind === 'credentials' ? 400 : 502, error.kind === 'credentials' ? error.message : `Callbridge could not set up ${phone.label}: ${error.message}`);
    }
    throw error;
  }
});
