import { json, type Router } from '../../http/router';
import type { StoredRecord } from '../types';
import { crmError } from './errors';
import { phoneMatches } from './phone-match';
import type { RecordEntity } from './resources/resource';
import type { ApiScope } from './scope';

const LOOKUP_ENTITIES: Readonly<Record<string, RecordEntity>> = { contact: 'contacts', lead: 'leads', sales_account: 'sales_accounts', deal: 'deals' };
const LOOKUP_FIELDS = ['email', 'name', 'mobile_number', 'work_number'];

const lower = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : undefined);

function fieldMatches(record: StoredRecord, field: string, q: string, scope: ApiScope): boolean {
  if (field === 'mobile_number' || field === 'work_number') return phoneMatches(record[field], q, scope.phoneMatch);
  if (field === 'email') {
    const emails = Array.isArray(record.emails) ? record.emails.map((e: unknown) => (typeof e === 'object' && e !== null ? (e as { value?: unknown }).value : e)) : [];
    return [record.email, ...emails].some((e) => lower(e) === lower(q));
  }
  if (field === 'name') {
    const full = [record.first_name, record.last_name].filter((p) => typeof p === 'string').join(' ');
    return [record.name, record.display_name, full].some((n) => lower(n) === lower(q));
  }
  const value = (record.custom_field as Record<string, unknown> | undefined)?.[field];
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && String(value) === q;
}

/** Entities this product has; leads are Freshsales Classic only and are silently skipped elsewhere. */
export function productEntities(scope: ApiScope, requested: string | null, fallback: readonly string[]): { ok: true; entities: RecordEntity[] } | { ok: false; response: Response } {
  const names = (requested ?? fallback.join(',')).split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(n in LOOKUP_ENTITIES));
  if (unknown.length > 0) return { ok: false, response: crmError(400, `Unknown entities: ${unknown.join(', ')}. Use ${Object.keys(LOOKUP_ENTITIES).join(', ')}.`) };
  const entities = names.map((n) => LOOKUP_ENTITIES[n]!).filter((e) => e !== 'leads' || scope.product === 'freshsales');
  return { ok: true, entities: [...new Set(entities)] };
}

/**
 * `GET /lookup?q=&f=&entities=`: exact match on one field, answered doubly nested
 * (`{"contacts": {"contacts": [...]}}`). Phone fields compare as `scope.phoneMatch` says (see phone-match.ts).
 */
export function registerLookup(router: Router, scope: ApiScope): void {
  router.get('/lookup', (request) => {
    const query = new URL(request.url).searchParams;
    const q = query.get('q');
    const f = query.get('f');
    if (!q) return crmError(400, 'q is required: the value to look up.');
    if (!f || !(LOOKUP_FIELDS.includes(f) || f.startsWith('cf_'))) return crmError(400, `f must be one of ${LOOKUP_FIELDS.join(', ')} or a cf_ custom field, not ${JSON.stringify(f)}.`);
    const entities = productEntities(scope, query.get('entities'), Object.keys(LOOKUP_ENTITIES));
    if (!entities.ok) return entities.response;
    const body = Object.fromEntries(
      entities.entities.map((entity) => [entity, { [entity]: scope.store.list(scope.product, entity).filter((r) => fieldMatches(r, f, q, scope)) }]),
    );
    return json(body);
  });
}
