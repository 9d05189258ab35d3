import type { StoredRecord } from '../types';
import type { RecordEntity } from './resources/resource';
import type { ApiScope } from './scope';

const TARGETABLE_TYPES: Readonly<Record<string, { type: string; entity: RecordEntity }>> = {
  contact: { type: 'Contact', entity: 'contacts' },
  lead: { type: 'Lead', entity: 'leads' },
  salesaccount: { type: 'SalesAccount', entity: 'sales_accounts' },
  sales_account: { type: 'SalesAccount', entity: 'sales_accounts' },
  deal: { type: 'Deal', entity: 'deals' },
};

export type Targetable = { ok: true; type: string; entity: RecordEntity; record: StoredRecord } | { ok: false; message: string };

/** What a call or note is logged against. The type is matched case-insensitively, as public clients send `contact` too. */
export function resolveTargetable(rawType: unknown, id: number | undefined, scope: ApiScope): Targetable {
  const known = typeof rawType === 'string' ? TARGETABLE_TYPES[rawType.toLowerCase()] : undefined;
  const leadsHere = scope.product === 'freshsales';
  if (!known || (known.entity === 'leads' && !leadsHere)) {
    const types = leadsHere ? 'Contact, Lead, SalesAccount or Deal' : 'Contact, SalesAccount or Deal';
    return { ok: false, message: `targetable_type must be ${types}, not ${JSON.stringify(rawType ?? null)}.` };
  }
  if (id === undefined) return { ok: false, message: 'targetable_id (or targetable.id) is required.' };
  const record = scope.store.get(scope.product, known.entity, id);
  if (!record) return { ok: false, message: `${known.type} ${id} does not exist.` };
  return { ok: true, type: known.type, entity: known.entity, record };
}

/** The normalised type name for a list filter, or undefined when it is not one. */
export function targetableTypeName(rawType: string): string | undefined {
  return TARGETABLE_TYPES[rawType.toLowerCase()]?.type;
}
