import { json, type Router } from '../../http/router';
import type { StoredRecord } from '../types';
import { crmError } from './errors';
import { productEntities } from './lookup';
import { phoneDigits, phoneMatches } from './phone-match';
import type { RecordEntity } from './resources/resource';
import { findUser, type ApiScope } from './scope';

const TYPE_OF: Readonly<Record<RecordEntity, string>> = { contacts: 'contact', leads: 'lead', sales_accounts: 'sales_account', deals: 'deal' };
const PHONE_FIELDS = ['mobile_number', 'work_number', 'phone'];

function nameOf(record: StoredRecord): string {
  if (typeof record.name === 'string') return record.name;
  return typeof record.display_name === 'string' ? record.display_name : '';
}

/** A phone-like query (digits and punctuation only, five digits or more) matches phone fields; anything else is a substring of name or email. */
function matches(record: StoredRecord, q: string, scope: ApiScope): boolean {
  if (/^[\d\s()+\-.]+$/.test(q) && phoneDigits(q).length >= 5) return PHONE_FIELDS.some((field) => phoneMatches(record[field], q, scope.phoneMatch));
  const needle = q.toLowerCase();
  return [nameOf(record), record.email].some((value) => typeof value === 'string' && value.toLowerCase().includes(needle));
}

function hit(entity: RecordEntity, record: StoredRecord, scope: ApiScope): Record<string, unknown> {
  const owner = findUser(scope, record.owner_id);
  return {
    id: String(record.id),
    type: TYPE_OF[entity],
    name: nameOf(record),
    email: record.email ?? null,
    mobile_number: record.mobile_number ?? null,
    work_number: record.work_number ?? null,
    ...(entity === 'deals' ? { stage_name: record.deal_stage ?? null, amount: record.amount ?? null } : {}),
    owner: owner ? { id: owner.id, name: owner.display_name } : null,
    updated_at: record.updated_at,
  };
}

/** `GET /search?q=&include=contact,lead,...`: a bare JSON array of hits across entities. */
export function registerSearch(router: Router, scope: ApiScope): void {
  router.get('/search', (request) => {
    const query = new URL(request.url).searchParams;
    const q = query.get('q')?.trim();
    if (!q) return crmError(400, 'q is required: the term to search for.');
    const entities = productEntities(scope, query.get('include'), ['contact', 'lead', 'sales_account', 'deal']);
    if (!entities.ok) return entities.response;
    const perPage = Math.min(Math.max(Number.parseInt(query.get('per_page') ?? '', 10) || 25, 1), 100);
    const hits = entities.entities.flatMap((entity) =>
      scope.store
        .list(scope.product, entity)
        .filter((r) => matches(r, q, scope))
        .map((r) => hit(entity, r, scope)),
    );
    return json(hits.slice(0, perPage));
  });
}
