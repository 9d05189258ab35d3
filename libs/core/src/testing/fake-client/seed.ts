import type {
  ContactRecord,
  DealRecord,
  EntityType,
  LeadRecord,
  LoggedInUser,
  ProductContext,
  SalesAccountRecord,
} from '../../platform/client';
import type { ProductName } from '../../platform/products';

/** The seeded records a page shows, one per entity type. */
export interface SeedRecords {
  contact: ContactRecord;
  deal: DealRecord;
  sales_account: SalesAccountRecord;
  lead: LeadRecord;
}

const DOMAINS: Record<ProductName, string> = {
  freshworks_crm: 'sample.myfreshworks.com',
  freshsales: 'sample.freshsales.io',
};

export function defaultDomainName(product: ProductName): string {
  return DOMAINS[product];
}

/** As the platform's own sample payloads give it: Freshworks CRM under `/crm`, Freshsales Classic at the root. */
export function productContextOf(product: ProductName, domainName: string): ProductContext {
  return { name: product, url: product === 'freshworks_crm' ? `https://${domainName}/crm` : `https://${domainName}` };
}

/** Shaped like the reference's sample `loggedInUser`. */
export function defaultLoggedInUser(): LoggedInUser {
  return {
    id: 42528,
    display_name: 'Joe Doe',
    email: 'joe.doe@example.com',
    is_active: true,
    work_number: null,
    mobile_number: null,
    confirmed: true,
    job_title: 'Sales rep',
    language: 'en',
    time_zone: 'Chennai',
    avatar: null,
    access_scope: 'global',
    abilities: ['manage_contacts', 'view_contacts', 'create_contacts', 'view_deals', 'create_deals', 'view_sales_accounts'],
    deal_pipeline_id: 29368,
    role_id: 70841,
    territory_ids: [],
    account_id: 1594363054,
  };
}

export function defaultRecords(): SeedRecords {
  return {
    contact: {
      id: 16000001,
      first_name: 'Jane',
      last_name: 'Sample',
      display_name: 'Jane Sample',
      email: 'jane.sample@example.com',
      mobile_number: '+14155550123',
      work_number: '+14155550100',
      job_title: 'Head of Operations',
      sales_account_id: 16000101,
      owner_id: 42528,
    },
    deal: {
      id: 16000201,
      name: 'Sample deal',
      amount: '5000.0',
      contact_ids: [16000001],
      sales_account_id: 16000101,
      deal_stage_id: 1061,
      owner_id: 42528,
    },
    sales_account: {
      id: 16000101,
      name: 'Sample Account Inc.',
      phone: '+14155550199',
      website: 'https://example.com',
      owner_id: 42528,
    },
    lead: {
      id: 16000301,
      first_name: 'Leo',
      last_name: 'Lead',
      display_name: 'Leo Lead',
      email: 'leo.lead@example.com',
      mobile_number: '+14155550177',
      work_number: null,
      company: { name: 'Prospect Ltd' },
      owner_id: 42528,
    },
  };
}

/** The record type whose page an entity-menu placeholder sits on. */
export function pageOfLocation(location: string): EntityType | undefined {
  const pages: Record<string, EntityType> = {
    contact_entity_menu: 'contact',
    deal_entity_menu: 'deal',
    sales_account_entity_menu: 'sales_account',
    lead_entity_menu: 'lead',
  };
  return pages[location];
}
