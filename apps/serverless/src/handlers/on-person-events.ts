import { phoneKey } from '@callbridge/contracts';
import { changesOf, defineHandler, recordName, recordPhones, type ContactRecordPayload, type KeyValueStore } from '@callbridge/core';
import { phoneIndex } from '../store/phone-index';

const PHONE_FIELDS = ['mobile_number', 'work_number'];
const WATCHED = [...PHONE_FIELDS, 'first_name', 'last_name', 'display_name', 'name', 'is_deleted'];

interface PersonEvent {
  type: 'contact' | 'lead';
  record: ContactRecordPayload;
  changes: ReturnType<typeof changesOf>;
  deleted: boolean;
  isUpdate: boolean;
}

const keysOf = (numbers: readonly unknown[]) => [...new Set(numbers.flatMap((n) => (typeof n === 'string' && phoneKey(n)) || []))];

/**
 * Keeps the phone index current for one contact or lead: its numbers point at it, numbers it no longer has (changed,
 * or the record deleted) do not.
 */
async function reindex(db: KeyValueStore, { type, record, changes, deleted, isUpdate }: PersonEvent) {
  if (isUpdate && !deleted && !WATCHED.some((name) => name in changes)) return { skipped: 'no phone number or name changed' };
  const index = phoneIndex(db);
  // The payload's display_name may be null; core's recordName types it as absent-or-text.
  const ref = { type, id: record.id, name: recordName({ ...record, display_name: record.display_name ?? undefined }) ?? '' };
  const current = deleted ? [] : keysOf(recordPhones(record));
  const before = keysOf([...(await index.numbersOf(ref)), ...PHONE_FIELDS.map((field) => changes[field]?.[0]), ...(deleted ? recordPhones(record) : [])]);
  const removed = before.filter((digits) => !current.includes(digits));
  for (const digits of removed) await index.remove(digits, ref);
  for (const digits of current) await index.add(digits, ref);
  await index.setNumbersOf(ref, current);
  return { indexed: current.length, removed: removed.length };
}

export const onContactCreate = defineHandler('onContactCreate', (payload, ctx) =>
  reindex(ctx.db, { type: 'contact', record: payload.data.contact, changes: {}, deleted: payload.data.contact.is_deleted === true, isUpdate: false }),
);

export const onContactUpdate = defineHandler('onContactUpdate', (payload, ctx) =>
  reindex(ctx.db, { type: 'contact', record: payload.data.contact, changes: changesOf(payload), deleted: payload.data.contact.is_deleted === true, isUpdate: true }),
);

export const onLeadCreate = defineHandler('onLeadCreate', (payload, ctx) =>
  reindex(ctx.db, { type: 'lead', record: payload.data.lead, changes: {}, deleted: payload.data.lead.is_deleted === true, isUpdate: false }),
);

export const onLeadUpdate = defineHandler('onLeadUpdate', (payload, ctx) =>
  reindex(ctx.db, { type: 'lead', record: payload.data.lead, changes: changesOf(payload), deleted: payload.data.lead.is_deleted === true, isUpdate: true }),
);

export const onLeadDelete = defineHandler('onLeadDelete', (payload, ctx) => reindex(ctx.db, { type: 'lead', record: payload.data.lead, changes: {}, deleted: true, isUpdate: false }));
