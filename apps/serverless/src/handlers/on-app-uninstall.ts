import { defineServerMethod, deleteSchedule } from '@callbridge/core';
import { z } from 'zod';
import { phoneProviderFor } from '../services';
import { installationStore } from '../store/installation';
import { RECONCILE_SCHEDULE } from './schedule';

type Step = 'removed' | 'none' | 'failed';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : 'a platform call failed');

/**
 * Removes the webhook and the reconciliation schedule, and ALWAYS answers success: a failing onAppUninstall blocks
 * the uninstall. Built on defineServerMethod with an input that accepts anything, because defineHandler answers 400
 * to a payload it cannot parse, and even that must not block the uninstall.
 */
export const onAppUninstall = defineServerMethod('onAppUninstall', z.unknown(), async (_payload, ctx) => {
  const report: { webhook: Step; schedule: Step; problems: string[] } = { webhook: 'none', schedule: 'none', problems: [] };
  try {
    const store = installationStore(ctx.db);
    const webhook = await store.webhook();
    if (webhook?.id && !webhook.pinned) report.webhook = (await phoneProviderFor(ctx).deleteWebhook(webhook.id)) ? 'removed' : 'none';
    await store.deleteWebhook();
    await store.deleteWatermark();
  } catch (error) {
    report.webhook = 'failed';
    report.problems.push(`webhook: ${messageOf(error)}`);
  }
  try {
    report.schedule = (await deleteSchedule(ctx.schedule, RECONCILE_SCHEDULE)) ? 'removed' : 'none';
  } catch (error) {
    report.schedule = 'failed';
    report.problems.push(`schedule: ${messageOf(error)}`);
  }
  if (report.problems.length) ctx.log.warn(`uninstalled with leftovers: ${report.problems.join('; ')}`);
  return report;
});
