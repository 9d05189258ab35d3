import { z } from 'zod';
import { DEAL_PIPELINES, DEAL_STAGES } from '../../seed';
import type { StoredRecord } from '../../types';
import { customFields, decimal, defined, parseFields, recordId, text } from '../fields';
import { ownerProblems, type ApiScope } from '../scope';
import type { Prepared, ResourceDef, ViewDef } from './resource';
import { contactsOfDeal, dealStageOf, owner, recordIds, salesAccountOfRecord } from './side-loads';

const dealSchema = z.object({
  name: z.string().trim().min(1).optional(),
  amount: decimal.nullish(),
  sales_account_id: recordId.nullish(),
  deal_stage_id: recordId.nullish(),
  deal_pipeline_id: recordId.nullish(),
  owner_id: recordId.nullish(),
  expected_close: text,
  closed_date: text,
  currency_id: recordId.nullish(),
  deal_type_id: recordId.nullish(),
  deal_reason_id: recordId.nullish(),
  probability: decimal.nullish(),
  contacts_added_list: z.array(recordId).optional(),
  contacts_removed_list: z.array(recordId).optional(),
  custom_field: customFields.optional(),
});

const defaultPipeline = DEAL_PIPELINES.find((p) => p.is_default)!;
const firstStage = DEAL_STAGES.filter((s) => s.deal_pipeline_id === defaultPipeline.id).sort((a, b) => a.position - b.position)[0]!;

/**
 * Deals link contacts by `contacts_added_list` / `contacts_removed_list` and read back as `contact_ids`. Whether a deal
 * is open, won or lost is its stage's `forecast_type`; the emulator copies it (and the stage name) onto the deal so
 * the pages and product events can show it without a second lookup.
 */
function prepareDeal(input: unknown, scope: ApiScope, existing?: StoredRecord): Prepared {
  const parsed = parseFields(dealSchema, input);
  if (!parsed.ok) return parsed;
  const { contacts_added_list: added = [], contacts_removed_list: removed = [], ...rest } = parsed.value;
  const fields = defined(rest);
  const messages: string[] = [];
  if (!existing && fields.name === undefined) messages.push('Name is required.');
  messages.push(...ownerProblems(scope, fields.owner_id));
  if (typeof fields.sales_account_id === 'number' && !scope.store.get(scope.product, 'sales_accounts', fields.sales_account_id)) {
    messages.push(`Sales account ${fields.sales_account_id} does not exist.`);
  }
  for (const id of added) if (!scope.store.get(scope.product, 'contacts', id)) messages.push(`Contact ${id} in contacts_added_list does not exist.`);
  const stageId = rest.deal_stage_id ?? (existing ? undefined : firstStage.id);
  const stage = stageId === undefined ? undefined : DEAL_STAGES.find((s) => s.id === stageId);
  if (stageId !== undefined && !stage) messages.push(`Deal stage ${stageId} does not exist.`);
  if (messages.length > 0) return { ok: false, status: 422, messages };

  if (added.length > 0 || removed.length > 0 || !existing) {
    const current = recordIds(existing?.contact_ids);
    fields.contact_ids = [...new Set([...current, ...added])].filter((id) => !removed.includes(id));
  }
  if (stage && stage.id !== existing?.deal_stage_id) {
    Object.assign(fields, { deal_stage_id: stage.id, deal_stage: stage.name, deal_pipeline_id: stage.deal_pipeline_id, forecast_type: stage.forecast_type });
    const at = scope.now().toISOString();
    fields.stage_updated_time = at;
    if (stage.forecast_type !== 'Open' && fields.closed_date === undefined) fields.closed_date = at.slice(0, 10);
    if (stage.forecast_type === 'Open' && existing?.closed_date) fields.closed_date = null;
  }
  if (existing) return { ok: true, fields };
  return { ok: true, fields: { amount: null, sales_account_id: null, expected_close: null, closed_date: null, owner_id: scope.userId, ...fields } };
}

const forecast = (id: number, name: string, type: string): ViewDef => ({ id, name, isDefault: false, matches: (r) => r.forecast_type === type });

export const deals: ResourceDef = {
  entity: 'deals',
  singular: 'deal',
  modelClass: 'Deal',
  // Like many real accounts there is no "All Deals" view: read open, won and lost deals, or "My Deals".
  views: [
    { id: 33001, name: 'My Deals', isDefault: true, matches: (r, scope) => r.owner_id === scope.userId },
    forecast(33002, 'Open Deals', 'Open'),
    forecast(33003, 'Won Deals', 'Won'),
    forecast(33004, 'Lost Deals', 'Lost'),
  ],
  prepare: prepareDeal,
  sideLoads: { contacts: contactsOfDeal, sales_account: salesAccountOfRecord, owner, deal_stage: dealStageOf },
  uniqueIdentifiers: {},
};
