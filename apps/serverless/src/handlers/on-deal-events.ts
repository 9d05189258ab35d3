import { defineHandler, fieldValue, type DealRecordPayload, type EventPayload, type KeyValueStore } from '@callbridge/core';
import { z } from 'zod';
import { dealLinks } from '../store/deal-links';

type DealEvent = EventPayload<'onDealCreate'> | EventPayload<'onDealUpdate'>;

/** Freshsales Classic side-loads the stages beside the deal. */
const classicStages = z.array(z.looseObject({ id: z.number(), forecast_type: z.string().nullish() }));

/** Whether the deal still takes calls: its stage's forecast type is Open (else, with no stage, it has no closed date). */
function isOpen(payload: DealEvent, deal: DealRecordPayload): boolean {
  if (deal.is_deleted === true) return false;
  const stages = classicStages.safeParse((payload.data as Record<string, unknown>).deal_stages);
  const forecast =
    payload.data.associations?.deal_stage?.forecast_type ??
    (stages.success ? stages.data.find((s) => s.id === deal.deal_stage_id)?.forecast_type : undefined) ??
    fieldValue(deal.forecast_type);
  if (typeof forecast === 'string' && forecast) return forecast === 'Open';
  return !fieldValue(deal.closed_date);
}

/** The deal's contacts, when the payload lists them (Freshworks CRM does; Classic does not). */
function contactIdsOf(payload: DealEvent, deal: DealRecordPayload): number[] | undefined {
  const listed = deal.contact_ids ?? payload.data.associations?.contacts?.map((c) => c.id);
  return listed && [...new Set(listed.filter((id) => Number.isSafeInteger(id) && id > 0))];
}

/**
 * Keeps the contact-to-open-deal links current: an open deal is linked to each of its contacts; a closed or deleted
 * deal, and contacts taken off a deal, are unlinked.
 */
async function relink(db: KeyValueStore, payload: DealEvent, at: number) {
  const deal = payload.data.deal;
  const links = dealLinks(db);
  const open = isOpen(payload, deal);
  const listed = contactIdsOf(payload, deal);
  const before = await links.contactsOf(deal.id);
  // Without a contact list (Classic) the links made earlier stand while the deal is open.
  const linked = open ? (listed ?? before) : [];
  const unlinked = [...new Set([...before, ...(open ? [] : (listed ?? []))])].filter((id) => !linked.includes(id));
  for (const contactId of unlinked) await links.unlink(contactId, deal.id);
  for (const contactId of linked) await links.link(contactId, { id: deal.id, name: deal.name }, at);
  await links.setContactsOf(deal.id, linked);
  return { open, linked: linked.length, unlinked: unlinked.length };
}

export const onDealCreate = defineHandler('onDealCreate', (payload, ctx) => relink(ctx.db, payload, ctx.now().getTime()));
export const onDealUpdate = defineHandler('onDealUpdate', (payload, ctx) => relink(ctx.db, payload, ctx.now().getTime()));
