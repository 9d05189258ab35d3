import { z } from 'zod';
import type { StoredRecord } from '../../types';
import { customFields, decimal, defined, parseFields, recordId, text } from '../fields';
import { ownerProblems, type ApiScope } from '../scope';
import { allAndMine, type Prepared, type ResourceDef } from './resource';
import { contactsOfAccount, dealsOfAccount, owner } from './side-loads';

const accountSchema = z.object({
  name: z.string().trim().min(1).optional(),
  phone: text,
  website: text,
  address: text,
  city: text,
  state: text,
  zipcode: text,
  country: text,
  number_of_employees: decimal.nullish(),
  annual_revenue: decimal.nullish(),
  industry_type_id: recordId.nullish(),
  business_type_id: recordId.nullish(),
  owner_id: recordId.nullish(),
  parent_sales_account_id: recordId.nullish(),
  custom_field: customFields.optional(),
});

const sameName = (record: StoredRecord, name: string) => typeof record.name === 'string' && record.name.toLowerCase() === name.toLowerCase();

/** Account names are unique in an account, as in the products. */
function prepareAccount(input: unknown, scope: ApiScope, existing?: StoredRecord): Prepared {
  const parsed = parseFields(accountSchema, input);
  if (!parsed.ok) return parsed;
  const fields = defined(parsed.value);
  const messages: string[] = [];
  if (!existing && fields.name === undefined) messages.push('Name is required.');
  if (typeof fields.name === 'string') {
    const name = fields.name;
    const taken = scope.store.list(scope.product, 'sales_accounts').find((r) => r.id !== existing?.id && sameName(r, name));
    if (taken) messages.push(`A sales account named ${name} already exists (id ${taken.id}).`);
  }
  messages.push(...ownerProblems(scope, fields.owner_id));
  if (messages.length > 0) return { ok: false, status: 422, messages };
  return { ok: true, fields: existing ? fields : { phone: null, website: null, owner_id: scope.userId, ...fields } };
}

export const salesAccounts: ResourceDef = {
  entity: 'sales_accounts',
  singular: 'sales_account',
  modelClass: 'SalesAccount',
  views: allAndMine(34000, 'Accounts'),
  prepare: prepareAccount,
  sideLoads: { contacts: contactsOfAccount, deals: dealsOfAccount, owner },
  uniqueIdentifiers: { name: { field: 'name', matches: sameName } },
};
