import type { FrontendPart } from '@callbridge/core';

const BOTH = ['freshworks_crm', 'freshsales'] as const;

/** Callbridge's placeholders and modal; each line is one placeholder, so teams adding one never touch the same line. */
export const frontendPart: FrontendPart = {
  placeholders: [
    { placeholder: 'contact_entity_menu', entry: 'contact', icon: 'phone.svg', products: BOTH },
    { placeholder: 'deal_entity_menu', entry: 'deal', icon: 'phone.svg', products: BOTH },
    { placeholder: 'sales_account_entity_menu', entry: 'sales-account', icon: 'phone.svg', products: BOTH },
    { placeholder: 'lead_entity_menu', entry: 'lead', icon: 'phone.svg', products: ['freshsales'] },
    { placeholder: 'left_nav_cti', entry: 'phone', icon: 'phone.svg', products: BOTH },
  ],
  modals: [{ name: 'modal', entry: 'modal' }],
};
