import type { ProductName } from '@callbridge/core';

export const ENTITIES = ['contacts', 'leads', 'deals', 'sales_accounts', 'phone_calls', 'notes'] as const;
export type Entity = (typeof ENTITIES)[number];

/** A record as the CRM's REST API shows it: flat fields, numeric id, ISO timestamps. */
export interface StoredRecord {
  id: number;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

export interface RecordChange {
  product: ProductName;
  entity: Entity;
  action: 'create' | 'update' | 'delete';
  record: StoredRecord;
  /** Fields that changed: `[old, new]`, as the platform's `changes.model_changes`. */
  changes: Record<string, [unknown, unknown]>;
  /** Who made the change: a CRM user id. */
  actorId: number;
}

export interface CrmUser {
  id: number;
  display_name: string;
  email: string;
  language: string;
  time_zone: string;
  work_number: string | null;
  mobile_number: string | null;
}

/** The emulated account of one product. */
export interface CrmAccount {
  product: ProductName;
  accountId: string;
  domain: string;
  /** Where the product's REST API lives, e.g. https://acme.myfreshworks.com/crm/sales/api */
  apiBase: string;
  apiKey: string;
  region: 'US';
}

/** A deal stage: its `forecast_type` tells open deals from won and lost ones (the deal itself has no status). */
export interface DealStage {
  id: number;
  name: string;
  position: number;
  forecast_type: 'Open' | 'Won' | 'Lost';
  deal_pipeline_id: number;
  probability: number;
}

export interface DealPipeline {
  id: number;
  name: string;
  is_default: boolean;
  position: number;
}

/** An outcome a call (phone sales activity) can end with. */
export interface CallOutcome {
  id: number;
  name: string;
  position: number;
}

export interface SalesActivityType {
  id: number;
  name: string;
  internal_name: string;
  is_default: boolean;
}
