import { defineIparams } from '@callbridge/core';

/** Callbridge's installation parameters (PRODUCT.md §4); fields that differ per product make the page per product. */
export const iparams = defineIparams({
  phone_api_id: { displayName: 'Aircall API ID', type: 'text', required: true, secure: true, description: 'From Aircall: Integrations & API > API keys' },
  phone_api_token: { displayName: 'Aircall API token', type: 'text', required: true, secure: true },
  webhook_token: {
    displayName: 'Aircall webhook token',
    type: 'text',
    secure: true,
    description: 'Leave blank: Callbridge registers its webhook at install and keeps the token Aircall issues. Set it only to pin an existing webhook.',
  },
  crm_domain: { displayName: 'CRM domain', type: 'text', required: true, dataBind: 'product.domain' },
  crm_api_key: { displayName: 'CRM API key', type: 'text', required: true, secure: true, dataBind: 'product.api_key' },
  auto_create_contacts: { displayName: 'Create placeholder contacts for unknown callers', type: 'checkbox', defaultValue: true },
  placeholder_type_crm: { displayName: 'Placeholder contact type', type: 'dropdown', options: ['contact'], defaultValue: 'contact', products: ['freshworks_crm'] },
  placeholder_type_classic: {
    displayName: 'Placeholder contact type',
    type: 'dropdown',
    options: ['contact', 'lead'],
    defaultValue: 'contact',
    products: ['freshsales'],
  },
  placeholder_name: {
    displayName: 'Default placeholder name',
    type: 'text',
    defaultValue: 'Unknown caller',
    regex: { name: 'name-length', pattern: '^.{1,60}$', message: 'Use 1 to 60 characters' },
  },
  attach_to_open_deal: { displayName: "Attach calls to the contact's open deal", type: 'checkbox', defaultValue: true },
});

export type CallbridgeIparams = typeof iparams;
