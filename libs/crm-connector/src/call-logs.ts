import type { CallRecord } from '@callbridge/contracts';
import type { JsonObject } from '@callbridge/core';
import type { CallLogTarget, CreateCallLogInput } from './connector';
import type { PhoneCallJson, PhoneCallResponse } from './schemas';

/** The CRM's name for each record type a call can be logged against. */
export const TARGETABLE_TYPES = { contact: 'Contact', lead: 'Lead', deal: 'Deal', sales_account: 'SalesAccount' } as const;

const TARGET_TYPES: Readonly<Record<string, CallLogTarget['type']>> = { contact: 'contact', lead: 'lead', deal: 'deal' };

/** Notes are bounded as the logCall contract bounds them. */
const MAX_NOTE = 2_000;

/**
 * Text a person typed, safe to send: on platform 2.1 the platform would read "<%" and "%>" as substitutions (the
 * requester refuses them), so they are broken apart rather than failing the log.
 */
export function plainText(text: string): string {
  return text.replace(/<%/g, '< %').replace(/%>/g, '% >');
}

/** `POST /phone_calls`'s body. Without an outcome id the outcome is written into the note, so it is never lost. */
export function phoneCallBody(input: CreateCallLogInput, outcomeId: number | undefined): JsonObject {
  const { contactInfo, callLog } = input;
  const lines = [input.note?.trim(), outcomeId === undefined && callLog.outcome ? `Outcome: ${callLog.outcome}` : undefined].filter(Boolean);
  const description = plainText(lines.join('\n')).slice(0, MAX_NOTE);
  return {
    phone_call: {
      call_direction: callLog.direction === 'inbound',
      targetable_type: TARGETABLE_TYPES[contactInfo.type],
      targetable: { id: contactInfo.id },
      ...(description && { note: { description } }),
      ...(callLog.phoneNumber && { number: callLog.phoneNumber }),
      source: 'Callbridge',
      call_duration: Math.max(0, Math.round(callLog.durationSeconds)),
      ...(outcomeId !== undefined && { outcome_id: outcomeId }),
    },
  };
}

interface SideLoads {
  notes?: PhoneCallResponse['notes'];
  outcomes?: PhoneCallResponse['outcomes'];
}

/** A logged call as every Callbridge surface shows it. */
export function toCallRecord(call: PhoneCallJson, sideLoads: SideLoads = {}): CallRecord {
  const note = typeof call.note === 'string' ? call.note : (call.note?.description ?? sideLoads.notes?.find((n) => n.id === call.note_id)?.description);
  const outcome = call.outcome ?? sideLoads.outcomes?.find((o) => o.id === call.outcome_id)?.name ?? '';
  const type = TARGET_TYPES[(call.targetable_type ?? '').toLowerCase()];
  return {
    id: String(call.id),
    direction: call.call_direction === false ? 'outbound' : 'inbound',
    outcome,
    durationSeconds: Math.max(0, Math.round(call.call_duration ?? 0)),
    startedAt: call.created_at ?? call.updated_at ?? '',
    ...(note?.trim() && { notes: note.trim() }),
    ...(call.number && { phoneNumber: call.number }),
    ...(type && typeof call.targetable_id === 'number' && call.targetable_id > 0 && { target: { type, id: call.targetable_id } }),
  };
}

/** Newest first, each call once. */
export function newestFirst(calls: readonly CallRecord[]): CallRecord[] {
  const unique = [...new Map(calls.map((call) => [call.id, call])).values()];
  const time = (call: CallRecord) => Date.parse(call.startedAt) || 0;
  return unique.sort((a, b) => time(b) - time(a) || Number(b.id) - Number(a.id));
}
