import type { ProductName } from '@callbridge/core';
import type { CrmStore } from '../../crm/store';
import type { CrmUser, Entity, RecordChange, StoredRecord } from '../../crm/types';
import type { JsonRecord } from '../json';
import { wrapCrmFields } from './field-wrap';

/** Records whose changes the platform reports, by the store's table name. */
const ENTITY_EVENTS: Partial<Record<Entity, { singular: string; prefix: string }>> = {
  contacts: { singular: 'contact', prefix: 'Contact' },
  leads: { singular: 'lead', prefix: 'Lead' },
  deals: { singular: 'deal', prefix: 'Deal' },
  sales_accounts: { singular: 'sales_account', prefix: 'SalesAccount' },
  phone_calls: { singular: 'phone_call', prefix: 'PhoneCall' },
};

const USER_SINCE = '2026-11-02T09:00:00Z';

/**
 * The events a change may fire, first choice first. A deletion is an update with `is_deleted: true`; a deleted
 * Freshsales lead fires onLeadDelete when the app registers it, else onLeadUpdate.
 */
export function eventsForChange(change: RecordChange): string[] {
  const names = ENTITY_EVENTS[change.entity];
  if (!names) return [];
  if (change.action === 'create') return [`on${names.prefix}Create`];
  if (change.action === 'delete' && change.entity === 'leads') return ['onLeadDelete', 'onLeadUpdate'];
  return [`on${names.prefix}Update`];
}

/** `data.actor`, as the platform's samples show a user. */
function actorOf(user: CrmUser): JsonRecord {
  return {
    id: user.id,
    name: user.display_name,
    email: user.email,
    job_title: null,
    work_number: user.work_number,
    mobile_number: user.mobile_number,
    language: user.language,
    time_zone: user.time_zone,
    is_active: true,
    is_forgotten: false,
    created_at: USER_SINCE,
    updated_at: USER_SINCE,
    uuid: String(user.id),
    type: 'user',
  };
}

/** A user as `associations` carry one. */
function userRef(user: CrmUser | undefined): JsonRecord | null {
  if (!user) return null;
  const { language: _language, is_forgotten: _forgotten, ...rest } = actorOf(user);
  return rest;
}

/** A user as Freshsales Classic's `data.users` lists one. */
function classicUser(user: CrmUser): JsonRecord {
  return { id: user.id, display_name: user.display_name, email: user.email, is_active: true, work_number: user.work_number, mobile_number: user.mobile_number };
}

function associations(store: CrmStore, product: ProductName, entity: Entity, record: StoredRecord, actor: CrmUser | undefined): JsonRecord {
  const user = (id: unknown) => userRef(store.users.find((u) => u.id === id));
  const account = (id: unknown) => {
    const found = typeof id === 'number' ? store.get(product, 'sales_accounts', id) : undefined;
    return found ? { id: found.id, name: found.name, website: found.website ?? null } : null;
  };
  if (entity === 'phone_calls') {
    const target = typeof record.targetable_id === 'number' ? { id: record.targetable_id, _model: record.targetable_type ?? 'Contact' } : null;
    return { user: user(record.user_id ?? actor?.id), entity: target, outcome: typeof record.outcome === 'string' ? { name: record.outcome } : null };
  }
  const common = { owner: user(record.owner_id), creator: userRef(actor), updater: userRef(actor), team_users: [] };
  if (entity === 'contacts' || entity === 'leads') {
    const linked = account(record.sales_account_id);
    return { ...common, sales_accounts: linked ? [linked] : [] };
  }
  if (entity === 'deals') {
    const contactIds = Array.isArray(record.contact_ids) ? (record.contact_ids as unknown[]) : [];
    const contacts = contactIds.flatMap((id) => {
      const found = typeof id === 'number' ? store.get(product, 'contacts', id) : undefined;
      return found ? [{ id: found.id, display_name: found.display_name, email: found.email ?? null }] : [];
    });
    return { ...common, sales_account: account(record.sales_account_id), contacts };
  }
  return common;
}

const PERSON_FIELDS = ['first_name', 'last_name', 'email', 'mobile_number', 'work_number', 'job_title'];

/**
 * A stored record as product events carry it, which is not quite how the REST API shows it: people always have
 * their name, email and phone fields (null when empty); a phone call names its direction ("Incoming"/"Outgoing"),
 * its note as text and the record it belongs to as `entity_id`.
 */
export function eventRecord(entity: Entity, product: ProductName, stored: JsonRecord): JsonRecord {
  if (entity === 'contacts' || entity === 'leads') {
    const person: JsonRecord = { ...Object.fromEntries(PERSON_FIELDS.map((field) => [field, null])), ...stored };
    if (product === 'freshsales' && typeof person.display_name !== 'string') {
      person.display_name = [person.first_name, person.last_name].filter((part) => typeof part === 'string' && part !== '').join(' ');
    }
    return person;
  }
  if (entity === 'phone_calls') {
    const { note, call_direction: direction, targetable_id: targetId, ...rest } = stored;
    return {
      phone_number: null,
      phone_caller_number: null,
      phone_caller_number_country: null,
      call_status: 'Completed',
      ...rest,
      note: typeof note === 'string' ? note : typeof note === 'object' && note !== null ? ((note as { description?: unknown }).description ?? null) : null,
      call_direction: typeof direction === 'boolean' ? (direction ? 'Incoming' : 'Outgoing') : (direction ?? null),
      entity_id: typeof targetId === 'number' ? targetId : null,
    };
  }
  return stored;
}

/**
 * `data` of a product event, shaped like each product's samples: Freshworks CRM wraps contact, deal and account
 * fields as `{label, type, value}`; Freshsales Classic sends them flat beside a `users` list; phone calls are flat
 * in both. `actor`, `associations` and (for updates) `changes` are always there.
 */
export function recordEventData(store: CrmStore, change: RecordChange): JsonRecord {
  const names = ENTITY_EVENTS[change.entity];
  const actor = store.users.find((u) => u.id === change.actorId);
  const record = eventRecord(change.entity, change.product, { ...change.record, is_deleted: change.record.is_deleted ?? false });
  const flat = change.entity === 'phone_calls' || change.product === 'freshsales';
  const entityData: JsonRecord = flat ? record : wrapCrmFields(record);
  if (!flat && change.entity === 'contacts') entityData.sales_account_ids = typeof record.sales_account_id === 'number' ? [record.sales_account_id] : [];
  const data: JsonRecord = {
    ...(change.product === 'freshsales' && change.entity !== 'phone_calls' ? { users: actor ? [classicUser(actor)] : [] } : {}),
    actor: actor ? actorOf(actor) : null,
    [names?.singular ?? change.entity]: entityData,
    associations: associations(store, change.product, change.entity, change.record, actor),
  };
  if (change.action !== 'create') data.changes = { model_changes: change.changes, system_changes: {}, misc_changes: {} };
  return data;
}
