import { z } from 'zod';
import type { StoredRecord } from '../../types';
import { customFields, defined, email, parseFields, recordId, text } from '../fields';
import { phoneMatches } from '../phone-match';
import { ownerProblems, type ApiScope } from '../scope';
import { allAndMine, type Prepared, type ResourceDef } from './resource';
import { dealsOfContact, owner, salesAccountOfRecord } from './side-loads';

const emailEntry = z.union([
  z.email(),
  z.object({ value: z.email(), is_primary: z.boolean().optional(), label: text, _destroy: z.boolean().optional() }).loose(),
]);

const person = {
  first_name: text,
  last_name: text,
  email,
  emails: z.array(emailEntry).optional(),
  mobile_number: text,
  work_number: text,
  job_title: text,
  address: text,
  city: text,
  state: text,
  zipcode: text,
  country: text,
  time_zone: text,
  owner_id: recordId.nullish(),
  lead_source_id: recordId.nullish(),
  tags: z.array(z.string()).optional(),
  custom_field: customFields.optional(),
};

const contactSchema = z.object({
  ...person,
  sales_account_id: recordId.nullish(),
  sales_accounts: z.array(z.object({ id: recordId, is_primary: z.boolean().optional() })).max(10).optional(),
  lifecycle_stage_id: recordId.nullish(),
  contact_status_id: recordId.nullish(),
});

const leadSchema = z.object({
  ...person,
  company: z.object({ name: z.string() }).loose().nullish(),
  lead_stage_id: recordId.nullish(),
});

type Entry = z.infer<typeof emailEntry>;

/** The primary address of an `emails` list: the one marked primary, else the first not being removed. */
function primaryEmail(emails: readonly Entry[]): string | undefined {
  const live = emails.map((e) => (typeof e === 'string' ? { value: e, is_primary: false, _destroy: false } : e)).filter((e) => !e._destroy);
  return (live.find((e) => e.is_primary) ?? live[0])?.value;
}

function preparePerson(entity: 'contacts' | 'leads', schema: typeof contactSchema | typeof leadSchema, input: unknown, scope: ApiScope, existing?: StoredRecord): Prepared {
  const parsed = parseFields<Record<string, unknown>>(schema, input);
  if (!parsed.ok) return parsed;
  const { emails, sales_accounts, ...rest } = parsed.value as { emails?: Entry[]; sales_accounts?: { id: number; is_primary?: boolean }[] } & Record<string, unknown>;
  const fields = defined(rest);
  if (emails && fields.email === undefined) fields.email = primaryEmail(emails) ?? null;
  if (sales_accounts?.length) fields.sales_account_id = (sales_accounts.find((a) => a.is_primary) ?? sales_accounts[0])!.id;

  const merged: Record<string, unknown> = { ...existing, ...fields };
  const messages: string[] = [];
  if (!merged.email && !merged.mobile_number) messages.push('Email or mobile number is required.');
  if (typeof merged.email === 'string') {
    const address = merged.email.toLowerCase();
    const taken = scope.store.list(scope.product, entity).find((r) => r.id !== existing?.id && typeof r.email === 'string' && r.email.toLowerCase() === address);
    if (taken) messages.push(`Email ${merged.email} is already used by another ${entity === 'contacts' ? 'contact' : 'lead'} (id ${taken.id}).`);
  }
  messages.push(...ownerProblems(scope, fields.owner_id));
  if (typeof fields.sales_account_id === 'number' && !scope.store.get(scope.product, 'sales_accounts', fields.sales_account_id)) {
    messages.push(`Sales account ${fields.sales_account_id} does not exist.`);
  }
  if (messages.length > 0) return { ok: false, status: 422, messages };

  if (!existing || 'first_name' in fields || 'last_name' in fields) {
    fields.display_name = [merged.first_name, merged.last_name].filter((part) => typeof part === 'string' && part !== '').join(' ');
  }
  if (existing) return { ok: true, fields };
  const defaults = { first_name: null, last_name: null, email: null, mobile_number: null, work_number: null, job_title: null, owner_id: scope.userId };
  return { ok: true, fields: { ...defaults, ...(entity === 'contacts' ? { sales_account_id: null } : { company: null }), ...fields } };
}

const byEmail = { field: 'email', matches: (r: StoredRecord, value: string) => typeof r.email === 'string' && r.email.toLowerCase() === value.toLowerCase() };
const byMobile = { field: 'mobile_number', matches: (r: StoredRecord, value: string, scope: ApiScope) => phoneMatches(r.mobile_number, value, scope.phoneMatch) };

export const contacts: ResourceDef = {
  entity: 'contacts',
  singular: 'contact',
  modelClass: 'Contact',
  views: allAndMine(31000, 'Contacts'),
  prepare: (input, scope, existing) => preparePerson('contacts', contactSchema, input, scope, existing),
  sideLoads: { sales_accounts: salesAccountOfRecord, deals: dealsOfContact, owner },
  uniqueIdentifiers: { emails: byEmail, email: byEmail, mobile_number: byMobile },
};

export const leads: ResourceDef = {
  entity: 'leads',
  singular: 'lead',
  modelClass: 'Lead',
  views: allAndMine(32000, 'Leads'),
  prepare: (input, scope, existing) => preparePerson('leads', leadSchema, input, scope, existing),
  sideLoads: { owner },
  uniqueIdentifiers: { emails: byEmail, email: byEmail, mobile_number: byMobile },
};
