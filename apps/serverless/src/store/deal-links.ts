import type { DealSummary } from '@callbridge/contracts';
import { dbDelete, dbGet, dbSet, type KeyValueStore } from '@callbridge/core';
import { z } from 'zod';

const linkSchema = z.object({ id: z.number().int().positive(), name: z.string(), at: z.number() });
const linksSchema = z.object({ deals: z.array(linkSchema) });
const contactsSchema = z.object({ contacts: z.array(z.number().int().positive()) });

const MAX_LINKS = 20;
const MAX_CONTACTS = 200;
const NAME_LENGTH = 80;

// deals:<contactId> holds the contact's open deals; dealc:<dealId> the contacts a deal was linked to, to unlink them.
const linksKey = (contactId: number) => `deals:${contactId}`;
const contactsKey = (dealId: number) => `dealc:${dealId}`;

/** The contact-to-open-deal links the deal events keep, used to attach a call to the contact's open deal. */
export function dealLinks(db: KeyValueStore) {
  return {
    /** Undefined when no deal event has linked this contact (ask the CRM); empty when its deals closed. */
    async openDealsOf(contactId: number): Promise<(DealSummary & { at: number })[] | undefined> {
      return (await dbGet(linksKey(contactId), linksSchema, { db }))?.deals;
    },

    async link(contactId: number, deal: DealSummary, at: number): Promise<void> {
      const current = (await dbGet(linksKey(contactId), linksSchema, { db }))?.deals ?? [];
      const entry = { id: deal.id, name: deal.name.trim().slice(0, NAME_LENGTH) || `Deal ${deal.id}`, at };
      const deals = [entry, ...current.filter((d) => d.id !== deal.id)].slice(0, MAX_LINKS);
      await dbSet(linksKey(contactId), { deals }, { db });
    },

    /** Keeps an empty list: "no open deal" is an answer, and saves asking the CRM. */
    async unlink(contactId: number, dealId: number): Promise<void> {
      const current = await dbGet(linksKey(contactId), linksSchema, { db });
      if (!current?.deals.some((d) => d.id === dealId)) return;
      // $db refuses {} but takes an empty list inside an object.
      await dbSet(linksKey(contactId), { deals: current.deals.filter((d) => d.id !== dealId) }, { db });
    },

    async contactsOf(dealId: number): Promise<number[]> {
      return (await dbGet(contactsKey(dealId), contactsSchema, { db }))?.contacts ?? [];
    },

    async setContactsOf(dealId: number, contacts: readonly number[]): Promise<void> {
      if (contacts.length === 0) await dbDelete(contactsKey(dealId), { db });
      else await dbSet(contactsKey(dealId), { contacts: contacts.slice(0, MAX_CONTACTS) }, { db });
    },
  };
}

export type DealLinks = ReturnType<typeof dealLinks>;
