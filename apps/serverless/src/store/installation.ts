import { dbDelete, dbGet, dbSet, setIfAbsent, type KeyValueStore } from '@callbridge/core';
import { z } from 'zod';

const webhookSchema = z.object({
  provider: z.string(),
  /** Absent when the admin pinned an existing webhook by its token. */
  id: z.string().optional(),
  token: z.string().min(1),
  pinned: z.boolean(),
});
export type StoredWebhook = z.output<typeof webhookSchema>;

const syncSchema = z.object({ from: z.number().int().nonnegative() });

const WEBHOOK_KEY = 'hook:phone';
const SYNC_KEY = 'sync:phone';

/** What onAppInstall sets up and onAppUninstall takes down: the phone system's webhook and the reconciliation watermark. */
export function installationStore(db: KeyValueStore) {
  return {
    webhook: () => dbGet(WEBHOOK_KEY, webhookSchema, { db }),
    setWebhook: async (webhook: StoredWebhook) => {
      await dbSet(WEBHOOK_KEY, webhook, { db });
    },
    deleteWebhook: () => dbDelete(WEBHOOK_KEY, { db }),

    /** UNIX seconds: every call that started before it is logged or settled. */
    async watermark(): Promise<number | undefined> {
      return (await dbGet(SYNC_KEY, syncSchema, { db }))?.from;
    },
    async setWatermark(from: number): Promise<void> {
      await dbSet(SYNC_KEY, { from: Math.max(0, Math.floor(from)) }, { db });
    },
    /** At install: start from now, but keep the watermark of an earlier installation whose calls may still be due. */
    startWatermark: (from: number) => setIfAbsent(SYNC_KEY, { from: Math.max(0, Math.floor(from)) }, { db }),
    deleteWatermark: () => dbDelete(SYNC_KEY, { db }),
  };
}

export type InstallationStore = ReturnType<typeof installationStore>;
