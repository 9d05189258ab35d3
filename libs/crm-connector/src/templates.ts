import { defineRequestTemplate, type ProductName } from '@callbridge/core';
import {
  activityOutcomesSchema,
  activityTypesSchema,
  contactResponseSchema,
  contactWithDealsSchema,
  dealStagesSchema,
  dealWithContactsSchema,
  leadResponseSchema,
  lookupSchema,
  phoneCallListSchema,
  phoneCallResponseSchema,
  salesAccountWithContactsSchema,
} from './schemas';

/*
 * One set of templates per product: the REST API lives under /crm/sales/api in Freshworks CRM and under /api in
 * Freshsales Classic, and a template's path is fixed text. The account's domain and API key are iparams the
 * platform substitutes, so the key never reaches app code. Only reads are retried: a retried POST could log twice.
 */

const secureIparams = ['crm_api_key'];
const host = '<%= iparam.crm_domain %>';
const auth = { Authorization: 'Token token=<%= iparam.crm_api_key %>' };
const jsonAuth = { ...auth, 'Content-Type': 'application/json' };
const hints = {
  401: 'check the CRM domain and API key in the installation settings',
  403: 'the CRM API key belongs to a user without access to this record',
};
const read = { maxAttempts: 2, retryDelay: 500 } as const;
const write = { maxAttempts: 1 } as const;

function defineCrmTemplates<const P extends string>(prefix: P, base: string) {
  const common = { secureIparams, hints };
  return {
    lookup: defineRequestTemplate({
      name: `${prefix}Lookup`,
      schema: { method: 'GET', host, path: `${base}/lookup`, headers: auth, query: { q: '<%= context.q %>', f: '<%= context.f %>', entities: '<%= context.entities %>' } },
      options: read,
      response: lookupSchema,
      ...common,
    }),
    createContact: defineRequestTemplate({
      name: `${prefix}CreateContact`,
      schema: { method: 'POST', host, path: `${base}/contacts`, headers: jsonAuth },
      options: write,
      response: contactResponseSchema,
      ...common,
    }),
    getContactDeals: defineRequestTemplate({
      name: `${prefix}GetContactDeals`,
      schema: { method: 'GET', host, path: `${base}/contacts/<%= context.id %>`, headers: auth, query: { include: 'deals' } },
      options: read,
      response: contactWithDealsSchema,
      ...common,
    }),
    getDealContacts: defineRequestTemplate({
      name: `${prefix}GetDealContacts`,
      schema: { method: 'GET', host, path: `${base}/deals/<%= context.id %>`, headers: auth, query: { include: 'contacts' } },
      options: read,
      response: dealWithContactsSchema,
      ...common,
    }),
    getAccountContacts: defineRequestTemplate({
      name: `${prefix}GetAccountContacts`,
      schema: { method: 'GET', host, path: `${base}/sales_accounts/<%= context.id %>`, headers: auth, query: { include: 'contacts' } },
      options: read,
      response: salesAccountWithContactsSchema,
      ...common,
    }),
    createPhoneCall: defineRequestTemplate({
      name: `${prefix}CreatePhoneCall`,
      schema: { method: 'POST', host, path: `${base}/phone_calls`, headers: jsonAuth },
      options: write,
      response: phoneCallResponseSchema,
      ...common,
    }),
    getPhoneCall: defineRequestTemplate({
      name: `${prefix}GetPhoneCall`,
      schema: { method: 'GET', host, path: `${base}/phone_calls/<%= context.id %>`, headers: auth },
      options: read,
      response: phoneCallResponseSchema,
      ...common,
    }),
    listPhoneCalls: defineRequestTemplate({
      name: `${prefix}ListPhoneCalls`,
      schema: {
        method: 'GET',
        host,
        path: `${base}/phone_calls`,
        headers: auth,
        query: { targetable_type: '<%= context.targetable_type %>', targetable_id: '<%= context.targetable_id %>', per_page: '<%= context.per_page %>' },
      },
      options: read,
      response: phoneCallListSchema,
      ...common,
    }),
    dealStages: defineRequestTemplate({
      name: `${prefix}DealStages`,
      schema: { method: 'GET', host, path: `${base}/selector/deal_stages`, headers: auth },
      options: read,
      response: dealStagesSchema,
      ...common,
    }),
    activityTypes: defineRequestTemplate({
      name: `${prefix}ActivityTypes`,
      schema: { method: 'GET', host, path: `${base}/selector/sales_activity_types`, headers: auth },
      options: read,
      response: activityTypesSchema,
      ...common,
    }),
    activityOutcomes: defineRequestTemplate({
      name: `${prefix}ActivityOutcomes`,
      schema: { method: 'GET', host, path: `${base}/selector/sales_activity_types/<%= context.id %>/sales_activity_outcomes`, headers: auth },
      options: read,
      response: activityOutcomesSchema,
      ...common,
    }),
    createLead: defineRequestTemplate({
      name: `${prefix}CreateLead`,
      schema: { method: 'POST', host, path: `${base}/leads`, headers: jsonAuth },
      options: write,
      response: leadResponseSchema,
      ...common,
    }),
  };
}

export type CrmTemplateSet = ReturnType<typeof defineCrmTemplates>;

const freshworksCrm = defineCrmTemplates('freshworksCrm', '/crm/sales/api');
const freshsales = defineCrmTemplates('freshsales', '/api');

/** Freshworks CRM has no leads: its set leaves the lead template out. */
const { createLead: _noLeads, ...freshworksCrmWithoutLeads } = freshworksCrm;

/** Each product's templates, by operation. */
export const CRM_TEMPLATE_SETS: Readonly<Record<ProductName, Partial<CrmTemplateSet> & Omit<CrmTemplateSet, 'createLead'>>> = {
  freshworks_crm: freshworksCrmWithoutLeads,
  freshsales,
};

/** Every CRM template of both products, for the app's request declarations. */
export const CRM_TEMPLATES = [...Object.values(freshworksCrmWithoutLeads), ...Object.values(freshsales)];
