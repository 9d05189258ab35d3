import type { JsonRecord } from '../json';

/** Fields Freshworks CRM sends as they are; every other field comes as `{label, type, value}`. */
const PLAIN = new Set([
  'id',
  'is_deleted',
  'status',
  'merged_to',
  'sales_account_ids',
  'contact_ids',
  'team_user_ids',
  'product_ids',
  'list_ids',
  'custom_fields',
  'import_id',
  'avatar',
  'do_not_disturb',
  'lost_from',
  'won_from',
  'source_additional_info',
]);

const LABELS: Record<string, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  display_name: 'Name',
  name: 'Name',
  owner_id: 'Sales owner',
  creator_id: 'Created by',
  updater_id: 'Updated by',
  job_title: 'Job title',
  email: 'Email',
  work_number: 'Work',
  mobile_number: 'Mobile',
  sales_account_id: 'Account name',
  amount: 'Deal value',
  deal_stage: 'Deal stage',
  forecast_type: 'Forecast type',
  website: 'Website',
  phone: 'Phone',
  created_at: 'Created at',
  updated_at: 'Updated at',
};

function label(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const words = field.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function typeOf(field: string, value: unknown): string {
  if (field === 'sales_account_id') return 'auto_complete';
  if (field.endsWith('_id')) return 'dropdown';
  if (field.endsWith('_at')) return 'date_time';
  if (field.includes('email')) return 'email';
  if (field.endsWith('_number') || field === 'phone') return 'phone_number';
  if (field === 'website') return 'url';
  if (field === 'amount') return 'decimal';
  if (Array.isArray(value)) return 'multi_select_dropdown';
  if (typeof value === 'number') return 'number';
  if (field === 'deal_stage' || field === 'forecast_type') return 'dropdown';
  return 'text';
}

/** A record as Freshworks CRM's product events carry it: most fields wrapped as `{label, type, value}`. */
export function wrapCrmFields(record: JsonRecord): JsonRecord {
  return Object.fromEntries(
    Object.entries(record).map(([field, value]) => {
      const plain = PLAIN.has(field) || typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
      return [field, plain ? value : { label: label(field), type: typeOf(field, value), value }];
    }),
  );
}
