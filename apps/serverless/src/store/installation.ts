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

const syncSchema = z.object({
  from: z.number().int().nonnegative(),
  /** Calls started at or after `from` that are settled already: the next run passes them without a `$db` read. */
  done: z.array(z.string()).optional(),
});
export type SyncState = { from: number; done: string[] };

/** Ids kept in `done`: with ids of up to 30 characters the item stays far below the platform's 8 KB. */
export const MAX_DONE_IDS = 150;

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

    /** `from`, UNIX seconds: every call that started before it is settled. */
    async sync(): Promise<SyncState | undefined> {
      const stored = await dbGet(SYNC_KEY, syncSchema, { db });
      return stored && { from: stored.from, done: stored.done ?? [] };
    },
    async setSync({ from, done }: SyncState): Promise<void> {
      await dbSet(SYNC_KEY, { from: Math.max(0, Math.floor(from)), ...(done.length && { done: done.slice(-MAX_DONE_IDS) }) }, { db });
    },
    /** At install: start from `from`, but keep the watermark of an earlier installation whose calls may still be due. */
    startWatermark: (from: number) => setIfAbsent(SYNC_KEY, { from: Math.max(0, Math.floor(from)) }, { db }),
    /**
     * Makes sure the reconciliation will see a call that started at `startedAt` (UNIX seconds): a call that started
     * before the watermark (it rang while the app was installed) and failed to log moves the watermark back to it.
     */
    async cover(startedAt: number): Promise<boolean> {
      const stored = await dbGet(SYNC_KEY, syncSchema, { db });
      if (stored && stored.from <= startedAt) return false;
      await dbSet(SYNC_KEY, { from: Math.max(0, Math.floor(startedAt)) }, { db });
      return true;
    },
    deleteWatermark: () => dbDelete(SYNC_KEY, { db }),
  };
}

export type InstallationStore = ReturnType<typeof installationStore>;
