import { PRODUCTS } from '@callbridge/core';
import { z } from 'zod';

/** Record pages the emulated products have, in the platform's entity names. */
export const ENTITY_TYPES = ['contact', 'deal', 'sales_account', 'lead'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityPage {
  /** URL segment and CrmStore entity: `/freshsales/sales_accounts/301`. */
  segment: 'contacts' | 'deals' | 'sales_accounts' | 'leads';
  placeholder: string;
  /** What `client.events.on` hears when the record changes. */
  updateEvent: string;
  label: string;
  plural: string;
}

export const ENTITY_PAGES: Record<EntityType, EntityPage> = {
  contact: { segment: 'contacts', placeholder: 'contact_entity_menu', updateEvent: 'contact.update', label: 'Contact', plural: 'Contacts' },
  deal: { segment: 'deals', placeholder: 'deal_entity_menu', updateEvent: 'deal.update', label: 'Deal', plural: 'Deals' },
  sales_account: {
    segment: 'sales_accounts',
    placeholder: 'sales_account_entity_menu',
    updateEvent: 'account.update',
    label: 'Sales account',
    plural: 'Sales accounts',
  },
  lead: { segment: 'leads', placeholder: 'lead_entity_menu', updateEvent: 'lead.update', label: 'Lead', plural: 'Leads' },
};

/** `interface.trigger('show' | 'open', {id})` names accounts `account`. */
export function entityTypeOfId(id: string): EntityType | undefined {
  if (id === 'account') return 'sales_account';
  return (ENTITY_TYPES as readonly string[]).includes(id) && id !== 'sales_account' ? (id as EntityType) : undefined;
}

/** Background apps docked beside every page. */
export const DOCKED_PLACEHOLDERS = ['left_nav_cti', 'left_nav_chat'] as const;

export const PAGE_VIEWS = ['home', 'record', 'full_page', 'install', 'not_found'] as const;

/** What the server tells the host page about the page it rendered (a JSON script in every page). */
export const pageStateSchema = z.object({
  product: z.enum(PRODUCTS),
  view: z.enum(PAGE_VIEWS),
  entityType: z.enum(ENTITY_TYPES).optional(),
  recordId: z.number().int().optional(),
  /** The app's placeholders in this product: name to template URL (under `/_app/<product>/`). */
  placeholders: z.record(z.string(), z.object({ url: z.string(), icon: z.string().optional() })),
  appName: z.string(),
  /** Open the phone panel on load (`/<product>/phone`). */
  openPhone: z.boolean().optional(),
  /** The live channel's last event id when the page was rendered. */
  liveSince: z.number().int(),
  install: z
    .object({
      page: z.enum(['iparams.json', 'iparams.html', 'none']),
      installed: z.boolean(),
      /** The emulated account's values for `data-bind` fields (not iparams: the product knows them). */
      dataBind: z.object({ 'product.domain': z.string(), 'product.api_key': z.string() }),
    })
    .optional(),
});
export type PageState = z.output<typeof pageStateSchema>;

export const PAGE_STATE_ID = 'fdk-page';
