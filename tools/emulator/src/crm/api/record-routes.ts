import { json, type Router } from '../../http/router';
import type { StoredRecord } from '../types';
import { readBody } from './body';
import { crmError, recordNotFound } from './errors';
import { paginate, sortRecords } from './paging';
import type { ResourceDef } from './resources/resource';
import type { ApiScope } from './scope';

export const parseId = (raw: string | undefined): number | undefined => (raw && /^\d+$/.test(raw) ? Number(raw) : undefined);

/** `?include=a,b`: each known side-load adds its records, once each, next to the main key. */
export function sideLoaded(def: ResourceDef, records: readonly StoredRecord[], query: URLSearchParams, scope: ApiScope): Record<string, unknown[]> {
  const names = (query.get('include') ?? '').split(',').map((n) => n.trim());
  const out: Record<string, Map<number, unknown>> = {};
  for (const name of names) {
    const load = def.sideLoads[name];
    if (!load) continue;
    const bucket = (out[load.key] ??= new Map());
    for (const record of records) for (const item of load.load(record, scope)) bucket.set(item.id, item);
  }
  return Object.fromEntries(Object.entries(out).map(([key, bucket]) => [key, [...bucket.values()]]));
}

function listResponse(def: ResourceDef, records: StoredRecord[], request: Request, scope: ApiScope): Response {
  const query = new URL(request.url).searchParams;
  const { items, meta } = paginate(sortRecords(records, query), query);
  return json({ [def.entity]: items, ...sideLoaded(def, items, query, scope), meta });
}

/**
 * The REST routes of one resource: saved views (`/filters`, `/view/:id`) as the products list records, a plain list,
 * create, upsert, view, update and delete. Every write goes through the CrmStore so product events fire.
 */
export function registerRecordRoutes(router: Router, def: ResourceDef, scope: ApiScope): void {
  const { store, product, userId } = scope;
  const base = `/${def.entity}`;
  const user = store.users.find((u) => u.id === userId);
  const notFound = (id: string | undefined) => recordNotFound(def.modelClass, id ?? '');

  router.get(`${base}/filters`, () =>
    json({
      filters: def.views.map((view) => ({
        id: view.id,
        name: view.name,
        model_class_name: def.modelClass,
        user_id: userId,
        is_default: view.isDefault,
        is_public: true,
        updated_at: '2026-11-02T09:00:00Z',
        user_name: user?.display_name ?? null,
        current_user_permissions: ['read', 'edit', 'delete'],
      })),
    }),
  );

  router.get(`${base}/view/:viewId`, (request, params) => {
    const view = def.views.find((v) => String(v.id) === params.viewId);
    if (!view) return crmError(404, `View ${params.viewId} does not exist for ${def.entity}.`);
    return listResponse(def, store.list(product, def.entity).filter((r) => view.matches(r, scope)), request, scope);
  });

  router.get(base, (request) => listResponse(def, store.list(product, def.entity), request, scope));

  router.post(base, async (request) => {
    const body = await readBody(request, def.singular);
    if (!body.ok) return body.response;
    const prepared = def.prepare(body.fields, scope);
    if (!prepared.ok) return crmError(prepared.status, prepared.messages);
    return json({ [def.singular]: store.create(product, def.entity, prepared.fields, userId) });
  });

  router.post(`${base}/upsert`, async (request) => {
    const body = await readBody(request, def.singular);
    if (!body.ok) return body.response;
    const identifier = body.outer.unique_identifier;
    const entries = typeof identifier === 'object' && identifier !== null ? Object.entries(identifier) : [];
    const [key, value] = entries[0] ?? [];
    const rule = key === undefined ? undefined : def.uniqueIdentifiers[key];
    if (entries.length !== 1 || !rule || typeof value !== 'string') {
      const keys = Object.keys(def.uniqueIdentifiers).join(', ');
      return crmError(400, `unique_identifier must be an object with one of ${keys || 'no keys (upsert is not supported here)'}, e.g. {"${Object.keys(def.uniqueIdentifiers)[0] ?? 'id'}": "..."}.`);
    }
    const existing = store.list(product, def.entity).find((r) => rule.matches(r, value, scope));
    const fields = body.fields === body.outer ? {} : body.fields;
    const prepared = def.prepare(existing ? fields : { [rule.field]: value, ...fields }, scope, existing);
    if (!prepared.ok) return crmError(prepared.status, prepared.messages);
    if (existing) return json({ [def.singular]: store.update(product, def.entity, existing.id, prepared.fields, userId) });
    return json({ [def.singular]: store.create(product, def.entity, prepared.fields, userId) }, 201);
  });

  router.get(`${base}/:id`, (request, params) => {
    const id = parseId(params.id);
    const record = id === undefined ? undefined : store.get(product, def.entity, id);
    if (!record) return notFound(params.id);
    return json({ [def.singular]: record, ...sideLoaded(def, [record], new URL(request.url).searchParams, scope) });
  });

  router.put(`${base}/:id`, async (request, params) => {
    const id = parseId(params.id);
    const existing = id === undefined ? undefined : store.get(product, def.entity, id);
    if (!existing) return notFound(params.id);
    const body = await readBody(request, def.singular);
    if (!body.ok) return body.response;
    const prepared = def.prepare(body.fields, scope, existing);
    if (!prepared.ok) return crmError(prepared.status, prepared.messages);
    return json({ [def.singular]: store.update(product, def.entity, existing.id, prepared.fields, userId) });
  });

  router.delete(`${base}/:id`, (_request, params) => {
    const id = parseId(params.id);
    if (id === undefined || !store.delete(product, def.entity, id, userId)) return notFound(params.id);
    return json(true);
  });
}
