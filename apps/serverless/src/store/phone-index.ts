import { dbDelete, dbGet, dbSet, type KeyValueStore } from '@callbridge/core';
import { z } from 'zod';

/** A record a phone number leads to. */
export interface IndexedRecord {
  type: 'contact' | 'lead';
  id: number;
  name: string;
}

const ref = z.object({ type: z.enum(['contact', 'lead']), id: z.number().int().positive(), name: z.string() });
const entrySchema = z.object({ refs: z.array(ref) });
const numbersSchema = z.object({ numbers: z.array(z.string()) });

/** Keeps each entry well inside the platform's 8 KB per item. */
const MAX_REFS = 20;
const NAME_LENGTH = 60;

// ph:<digits> holds the records with that number; rn:<c|l>:<id> the numbers a record had, to drop stale ones.
const entryKey = (digits: string) => `ph:${digits}`;
const numbersKey = (record: Pick<IndexedRecord, 'type' | 'id'>) => `rn:${record.type === 'lead' ? 'l' : 'c'}:${record.id}`;
const same = (a: Pick<IndexedRecord, 'type' | 'id'>, b: Pick<IndexedRecord, 'type' | 'id'>) => a.type === b.type && a.id === b.id;

/**
 * The phone-number index in `$db`: normalised number (E.164 digits, `phoneKey`) to the contacts and leads that
 * have it, so caller match costs one read. Kept current by the record events; read-modify-write, so two events for
 * the same number at the same instant may lose one update, which the CRM lookup fallback covers.
 */
export function phoneIndex(db: KeyValueStore) {
  const read = async (digits: string) => (await dbGet(entryKey(digits), entrySchema, { db }))?.refs ?? [];

  return {
    /** Contacts first: an automatic log goes to the first record. */
    async find(digits: string): Promise<IndexedRecord[]> {
      return (await read(digits)).sort((a, b) => Number(a.type === 'lead') - Number(b.type === 'lead'));
    },

    async add(digits: string, record: IndexedRecord): Promise<void> {
      const refs = await read(digits);
      // $db stores '' as null, so a nameless record gets a name.
      const entry = { type: record.type, id: record.id, name: record.name.trim().slice(0, NAME_LENGTH) || `Unnamed ${record.type}` };
      const existing = refs.find((r) => same(r, entry));
      if (existing?.name === entry.name) return;
      const next = [entry, ...refs.filter((r) => !same(r, entry))].slice(0, MAX_REFS);
      await dbSet(entryKey(digits), { refs: next }, { db });
    },

    async remove(digits: string, record: Pick<IndexedRecord, 'type' | 'id'>): Promise<void> {
      const refs = await read(digits);
      const next = refs.filter((r) => !same(r, record));
      if (next.length === refs.length) return;
      if (next.length === 0) await dbDelete(entryKey(digits), { db });
      else await dbSet(entryKey(digits), { refs: next }, { db });
    },

    /** The numbers the index holds for a record. */
    async numbersOf(record: Pick<IndexedRecord, 'type' | 'id'>): Promise<string[]> {
      return (await dbGet(numbersKey(record), numbersSchema, { db }))?.numbers ?? [];
    },

    async setNumbersOf(record: Pick<IndexedRecord, 'type' | 'id'>, numbers: readonly string[]): Promise<void> {
      if (numbers.length === 0) await dbDelete(numbersKey(record), { db });
      else await dbSet(numbersKey(record), { numbers: [...numbers] }, { db });
    },
  };
}

export type PhoneIndex = ReturnType<typeof phoneIndex>;
