import { PRODUCTS, type ProductName } from '@callbridge/core';
import { z } from 'zod';
import { ENTITY_PAGES, ENTITY_TYPES, type EntityType } from '../browser/page-state';
import { json, readJson } from '../http/router';
import type { EmulatorContext } from '../context';

const querySchema = z.object({
  product: z.enum(PRODUCTS, { error: 'must be freshworks_crm or freshsales' }),
  name: z.string().min(1),
  location: z.string().optional(),
  entityType: z.enum(ENTITY_TYPES).optional(),
  recordId: z.number().int().optional(),
});
export type DataQuery = z.output<typeof querySchema>;

const GLOBAL = ['loggedInUser', 'domainName', 'currentEntityInfo', 'currentHost'];

type Answer = { ok: true; value: unknown } | { ok: false; status: number; message: string };
const refuse = (status: number, message: string): Answer => ({ ok: false, status, message });

/** The logged-in user with the fields the reference's sample payload shows. */
function loggedInUser(context: EmulatorContext, product: ProductName): Record<string, unknown> {
  const user = context.store.users[0]!;
  return {
    ...user,
    is_active: true,
    confirmed: true,
    job_title: 'Sales rep',
    avatar: null,
    signature: null,
    access_scope: 'global',
    role_id: 70841,
    territory_ids: [],
    account_id: Number(context.store.account(product).accountId),
    created_at: '2026-01-05T09:00:00Z',
    is_forgotten: false,
  };
}

/** What `client.data.get(name)` resolves to for this instance, or the platform's 400 when the page has no such object. */
export function answerData(context: EmulatorContext, query: DataQuery): Answer {
  const { product, name } = query;
  const where = query.location ?? 'this location';
  if (name === 'loggedInUser') return { ok: true, value: loggedInUser(context, product) };
  if (name === 'domainName') return { ok: true, value: context.store.account(product).domain };
  if (name === 'currentHost') {
    const modules = ['contact', 'deal', 'sales_account', ...(product === 'freshsales' ? ['lead'] : [])];
    return { ok: true, value: { subscribed_modules: modules, endpoint_urls: { [product]: `https://${context.store.account(product).domain}` } } };
  }
  if (name === 'currentEntityInfo') {
    if (!query.entityType || query.recordId === undefined) return refuse(400, `data.get("currentEntityInfo") is available on record pages only, not in ${where}.`);
    return { ok: true, value: { currentEntityId: query.recordId, currentEntityType: query.entityType } };
  }
  if (!(ENTITY_TYPES as readonly string[]).includes(name)) {
    return refuse(400, `data.get: unknown data object "${name}"; known: ${[...GLOBAL, ...ENTITY_TYPES].join(', ')}.`);
  }
  const type = name as EntityType;
  if (type === 'lead' && product !== 'freshsales') return refuse(400, `data.get("lead"): leads exist only in Freshsales Classic (freshsales), not in ${product}.`);
  if (query.entityType !== type || query.recordId === undefined) return refuse(400, `data.get("${type}") works in ${ENTITY_PAGES[type].placeholder} on a ${type} page; this instance is in ${where}.`);
  const record = context.store.get(product, ENTITY_PAGES[type].segment, query.recordId);
  if (!record) return refuse(404, `data.get("${type}"): ${type} ${query.recordId} no longer exists in ${product}.`);
  return { ok: true, value: record };
}

/** POST `/_fdk/api/data`: the host page asks on behalf of an instance, so answers always reflect the store's records. */
export async function handleData(context: EmulatorContext, request: Request): Promise<Response> {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = querySchema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return json({ status: 400, message: `data.get: ${issue.path.join('.') || 'body'}: ${issue.message}` }, 400);
  }
  const answer = answerData(context, parsed.data);
  return answer.ok ? json({ [parsed.data.name]: answer.value }) : json({ status: answer.status, message: answer.message }, answer.status);
}
