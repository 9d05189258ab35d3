import type { ReferenceCache } from '@callbridge/crm-connector';
import { dbGet, dbSet, type KeyValueStore } from '@callbridge/core';
import { z } from 'zod';

const tableSchema = z.object({ table: z.record(z.string(), z.number()) });

/** A day: outcome ids and deal stages change when an admin edits them, which is rare. */
const TTL_SECONDS = 86_400;

/** The CRM connector's reference data (call outcome ids, deal stages) kept in `$db` for a day. */
export function dbReferenceCache(db: KeyValueStore): ReferenceCache {
  return {
    get: async (name) => (await dbGet(`ref:${name}`, tableSchema, { db }))?.table,
    set: async (name, table) => {
      await dbSet(`ref:${name}`, { table }, { db, ttl: TTL_SECONDS });
    },
  };
}
