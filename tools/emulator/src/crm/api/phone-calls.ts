import { z } from 'zod';
import { json, type Router } from '../../http/router';
import { CALL_OUTCOMES } from '../seed';
import type { StoredRecord } from '../types';
import { readBody } from './body';
import { crmError, recordNotFound } from './errors';
import { defined, flag, parseFields, recordId, text, whole } from './fields';
import { paginate } from './paging';
import { parseId } from './record-routes';
import { apiUser, findUser, type ApiScope } from './scope';
import { resolveTargetable, targetableTypeName } from './targetable';

const phoneCallSchema = z.object({
  call_direction: flag.optional(),
  targetable_type: z.string().optional(),
  targetable_id: recordId.optional(),
  targetable: z.object({ id: recordId }).loose().optional(),
  note: z.object({ description: text }).loose().nullish(),
  number: text,
  user_id: recordId.nullish(),
  source: text,
  outcome_id: recordId.nullish(),
  call_duration: whole.nullish(),
  recording_duration: whole.nullish(),
});

const DIRECTION_HINT = 'call_direction must be a boolean: true for an incoming call, false for an outgoing one';

/** Side-loads the REST API answers a phone call with. */
function envelope(call: StoredRecord, scope: ApiScope): Record<string, unknown> {
  const note = typeof call.note_id === 'number' ? scope.store.get(scope.product, 'notes', call.note_id) : undefined;
  const user = findUser(scope, call.user_id);
  return {
    phone_call: call,
    notes: note ? [note] : [],
    users: user ? [apiUser(user)] : [],
    outcomes: CALL_OUTCOMES.filter((o) => o.id === call.outcome_id),
    phone_numbers: [],
    phone_callers: [],
  };
}

async function createCall(request: Request, scope: ApiScope, isManual: boolean): Promise<Response> {
  const body = await readBody(request, 'phone_call');
  if (!body.ok) return body.response;
  if (typeof body.fields.call_direction === 'string' && !/^(true|false)$/.test(body.fields.call_direction)) return crmError(400, DIRECTION_HINT);
  if (typeof body.fields.note === 'string') return crmError(400, 'note must be an object: {"description": "..."}.');
  const parsed = parseFields(phoneCallSchema, body.fields);
  if (!parsed.ok) return crmError(parsed.status, parsed.messages);
  const input = parsed.value;
  const messages: string[] = input.call_direction === undefined ? [`${DIRECTION_HINT}; it is missing.`] : [];
  const target = resolveTargetable(input.targetable_type, input.targetable_id ?? input.targetable?.id, scope);
  if (!target.ok) messages.push(target.message);
  if (input.user_id != null && !findUser(scope, input.user_id)) messages.push(`User ${input.user_id} is not a user of this account.`);
  const outcome = input.outcome_id == null ? undefined : CALL_OUTCOMES.find((o) => o.id === input.outcome_id);
  if (input.outcome_id != null && !outcome) messages.push(`Outcome ${input.outcome_id} does not exist; see /selector/sales_activity_types/901/sales_activity_outcomes.`);
  if (!target.ok || messages.length > 0) return crmError(422, messages);

  const { store, product } = scope;
  const userId = input.user_id ?? scope.userId;
  const description = input.note?.description?.trim();
  const note = description
    ? store.create(product, 'notes', { description, targetable_type: target.type, targetable_id: target.record.id, creater_id: userId }, scope.userId)
    : undefined;
  const call = store.create(
    product,
    'phone_calls',
    defined({
      call_direction: input.call_direction,
      targetable_type: target.type,
      targetable_id: target.record.id,
      number: input.number ?? null,
      user_id: userId,
      source: input.source ?? null,
      call_duration: input.call_duration ?? null,
      recording_duration: input.recording_duration ?? null,
      outcome_id: outcome?.id ?? null,
      outcome: outcome?.name ?? null,
      note_id: note?.id ?? null,
      note: note ? { description } : null,
      is_manual: isManual,
      status: null,
      recording: null,
    }),
    scope.userId,
  );
  return json(envelope(call, scope));
}

/**
 * `POST /phone_calls` (manual call log, JSON or form) and `POST /cti_phone_calls` (the CTI log; form data in the
 * official sample, JSON accepted too). `call_direction` is a boolean, true = incoming. A note becomes its own note
 * record. `GET /phone_calls?targetable_type=&targetable_id=` lists a record's calls newest first: the real API
 * documents no such list, the emulator adds it so tools and tests can read back what an app logged.
 */
export function registerPhoneCalls(router: Router, scope: ApiScope): void {
  router.post('/phone_calls', (request) => createCall(request, scope, true));
  router.post('/cti_phone_calls', (request) => createCall(request, scope, false));

  router.get('/phone_calls', (request) => {
    const query = new URL(request.url).searchParams;
    const rawType = query.get('targetable_type');
    const type = rawType === null ? undefined : targetableTypeName(rawType);
    if (rawType !== null && !type) return crmError(400, `targetable_type ${JSON.stringify(rawType)} is not Contact, Lead, SalesAccount or Deal.`);
    const targetId = query.get('targetable_id');
    const calls = scope.store
      .list(scope.product, 'phone_calls')
      .filter((c) => (type === undefined || c.targetable_type === type) && (targetId === null || String(c.targetable_id) === targetId))
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
    const { items, meta } = paginate(calls, query);
    return json({ phone_calls: items, meta });
  });

  router.get('/phone_calls/:id', (_request, params) => {
    const id = parseId(params.id);
    const call = id === undefined ? undefined : scope.store.get(scope.product, 'phone_calls', id);
    return call ? json(envelope(call, scope)) : recordNotFound('Phone call', params.id ?? '');
  });
}
