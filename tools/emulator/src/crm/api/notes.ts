import { z } from 'zod';
import { json, type Router } from '../../http/router';
import { readBody } from './body';
import { crmError, recordNotFound } from './errors';
import { parseFields, recordId } from './fields';
import { parseId } from './record-routes';
import type { ApiScope } from './scope';
import { resolveTargetable } from './targetable';

const noteSchema = z.object({ description: z.string().optional(), targetable_type: z.string().optional(), targetable_id: recordId.optional() });

/** `POST /notes`, `GET|PUT|DELETE /notes/:id`: a note on a contact, lead, account or deal. */
export function registerNotes(router: Router, scope: ApiScope): void {
  const { store, product, userId } = scope;

  router.post('/notes', async (request) => {
    const body = await readBody(request, 'note');
    if (!body.ok) return body.response;
    const parsed = parseFields(noteSchema, body.fields);
    if (!parsed.ok) return crmError(parsed.status, parsed.messages);
    const { description, targetable_type, targetable_id } = parsed.value;
    const target = resolveTargetable(targetable_type, targetable_id, scope);
    const messages = [...(description?.trim() ? [] : ['description is required.']), ...(target.ok ? [] : [target.message])];
    if (!target.ok || messages.length > 0) return crmError(422, messages);
    const note = store.create(product, 'notes', { description, targetable_type: target.type, targetable_id: target.record.id, creater_id: userId }, userId);
    return json({ note });
  });

  const existing = (raw: string | undefined) => {
    const id = parseId(raw);
    return id === undefined ? undefined : store.get(product, 'notes', id);
  };

  router.get('/notes/:id', (_request, params) => {
    const note = existing(params.id);
    return note ? json({ note }) : recordNotFound('Note', params.id ?? '');
  });

  router.put('/notes/:id', async (request, params) => {
    const note = existing(params.id);
    if (!note) return recordNotFound('Note', params.id ?? '');
    const body = await readBody(request, 'note');
    if (!body.ok) return body.response;
    const parsed = parseFields(noteSchema.pick({ description: true }), body.fields);
    if (!parsed.ok) return crmError(parsed.status, parsed.messages);
    if (parsed.value.description !== undefined && !parsed.value.description.trim()) return crmError(422, 'description cannot be empty.');
    return json({ note: store.update(product, 'notes', note.id, parsed.value, userId) });
  });

  router.delete('/notes/:id', (_request, params) => {
    const id = parseId(params.id);
    if (id === undefined || !store.delete(product, 'notes', id, userId)) return recordNotFound('Note', params.id ?? '');
    return json(true);
  });
}
