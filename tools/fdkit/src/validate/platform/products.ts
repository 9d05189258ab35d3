import { APP_EVENTS, PLACEHOLDERS, PRODUCT_EVENTS, SERVER_METHOD_NAME } from '@callbridge/core';

export { APP_EVENTS };

/**
 * What fdkit knows about a product named under `product` in a 2.x manifest. `complete` lists come from
 * @callbridge/core (the CRM reference and the platform's own generated event payloads), so a name outside
 * them is an error; `partial` lists come from public docs and samples, so a name outside them is only a
 * warning; `undefined` is unchecked.
 */
export interface ProductKnowledge {
  label: string;
  placeholders?: { names: readonly string[]; complete: boolean };
  /** Product events; app setup, external and scheduled events are valid everywhere. */
  events?: { names: readonly string[]; complete: boolean };
}

const FRESHDESK_PLACEHOLDERS = [
  'full_page_app', 'cti_global_sidebar',
  'ticket_sidebar', 'ticket_requester_info', 'ticket_top_navigation', 'ticket_background',
  'ticket_conversation_editor', 'ticket_attachment', 'time_entry_background',
  'new_ticket_requester_info', 'new_ticket_background', 'new_email_requester_info', 'new_email_background',
  'contact_sidebar', 'contact_background', 'contact_list_background', 'company_background', 'company_list_background',
] as const;

const FRESHSERVICE_PLACEHOLDERS = [
  'full_page_app', 'cti_global_sidebar',
  'ticket_sidebar', 'ticket_requester_info', 'ticket_top_navigation', 'ticket_background', 'ticket_conversation_editor',
  'new_ticket_sidebar', 'new_ticket_requester_info', 'new_ticket_background',
  'asset_sidebar', 'change_sidebar', 'change_background', 'new_change_sidebar', 'new_change_background', 'contact_sidebar',
] as const;

export const PRODUCT_KNOWLEDGE: Readonly<Record<string, ProductKnowledge>> = {
  freshworks_crm: {
    label: 'Freshworks CRM',
    placeholders: { names: PLACEHOLDERS.freshworks_crm, complete: true },
    events: { names: PRODUCT_EVENTS.freshworks_crm, complete: true },
  },
  freshsales: {
    label: 'Freshsales Classic',
    placeholders: { names: PLACEHOLDERS.freshsales, complete: true },
    events: { names: PRODUCT_EVENTS.freshsales, complete: true },
  },
  freshdesk: {
    label: 'Freshdesk',
    placeholders: { names: FRESHDESK_PLACEHOLDERS, complete: false },
  },
  freshservice: {
    label: 'Freshservice',
    placeholders: { names: FRESHSERVICE_PLACEHOLDERS, complete: false },
  },
  freshchat: { label: 'Freshchat' },
  freshcaller: { label: 'Freshcaller' },
};

export function knowledgeOf(product: string): ProductKnowledge | undefined {
  return Object.prototype.hasOwnProperty.call(PRODUCT_KNOWLEDGE, product) ? PRODUCT_KNOWLEDGE[product] : undefined;
}

/** The shape every platform event name has, used where a product's list is not known. */
export const EVENT_NAME_SHAPE = /^(on[A-Z][A-Za-z]*|afterAppUpdate)$/;

/** Names the platform accepts for SMI functions. */
export const FUNCTION_NAME_SHAPE = SERVER_METHOD_NAME;
