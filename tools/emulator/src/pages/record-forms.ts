import type { ProductName } from '@callbridge/core';
import type { Entity } from '../crm/types';
import { ENTITY_PAGES, type EntityType } from '../browser/page-state';
import { json } from '../http/router';
import type { Site } from './site';

const NUMERIC = /^-?\d+(\.\d+)?$/;

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

async function formFields(request: Request): Promise<Record<string, string> | undefined> {
  try {
    const form = await request.formData();
    return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return undefined;
  }
}

/** POST `/<product>/<segment>/:id`: the record page's edit form. The store reports the change, so apps hear `*.update`. */
export async function updateFromForm(site: Site, product: ProductName, type: EntityType, rawId: string, request: Request): Promise<Response> {
  const { segment } = ENTITY_PAGES[type];
  const current = /^\d+$/.test(rawId) && (type !== 'lead' || product === 'freshsales') ? site.context.store.get(product, segment, Number(rawId)) : undefined;
  if (!current) return json({ message: `There is no ${type} ${rawId} in ${product}.` }, 404);
  const fields = await formFields(request);
  if (!fields) return json({ message: 'Send the form as application/x-www-form-urlencoded or multipart/form-data.' }, 400);
  const changes: Record<string, unknown> = {};
  for (const [field, text] of Object.entries(fields)) {
    if (!(field in current)) continue;
    changes[field] = text === '' ? null : typeof current[field] === 'number' && NUMERIC.test(text) ? Number(text) : text;
  }
  site.context.store.update(product, segment, current.id, changes);
  return seeOther(`/${product}/${segment}/${current.id}`);
}

/** POST `/<product>/<segment>`: the create forms `interface.trigger('open', ...)` shows; answers with the new record's page. */
export async function createFromForm(site: Site, product: ProductName, entity: Entity, request: Request): Promise<Response> {
  if (entity === 'leads' && product !== 'freshsales') return json({ message: 'Leads exist only in Freshsales Classic (freshsales).' }, 404);
  const fields = await formFields(request);
  if (!fields) return json({ message: 'Send the form as application/x-www-form-urlencoded or multipart/form-data.' }, 400);
  const values: Record<string, unknown> = {};
  for (const [field, text] of Object.entries(fields)) {
    if (text === '' || field === 'return_to') continue;
    values[field] = (field.endsWith('_id') || field === 'amount' || field === 'call_duration') && NUMERIC.test(text) ? Number(text) : text;
  }
  if (entity === 'contacts' || entity === 'leads') {
    values.display_name = [values.first_name, values.last_name].filter(Boolean).join(' ') || values.email || 'New person';
  }
  if (entity === 'phone_calls' && typeof values.note === 'string') values.note = { description: values.note };
  const record = site.context.store.create(product, entity, values);
  const back = fields.return_to?.startsWith(`/${product}/`) ? fields.return_to : undefined;
  return seeOther(entity === 'phone_calls' || entity === 'notes' ? (back ?? `/${product}`) : `/${product}/${entity}/${record.id}`);
}
