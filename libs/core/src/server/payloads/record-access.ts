import type { z } from 'zod';
import { changePair } from './changes';
import type { EventPayload, RecordEventName } from './schemas';
import { EVENT_RECORD_KEY } from './schemas';

type RecordOf<E extends RecordEventName> = EventPayload<E>['data'] extends infer D
  ? E extends 'onCustomModuleCreate' | 'onCustomModuleUpdate'
    ? NonNullable<(D & { custom_module_record?: unknown })['custom_module_record']>
    : D[(typeof EVENT_RECORD_KEY)[E] & keyof D]
  : never;

/** The record a record event is about, whichever product sent it. */
export function recordOf<E extends RecordEventName>(payload: EventPayload<E> & { event: E }): RecordOf<E> {
  const data = payload.data as Record<string, unknown>;
  const key = EVENT_RECORD_KEY[payload.event];
  return (data[key] ?? data.custom_module) as RecordOf<E>;
}

export type ChangePair = z.output<typeof changePair>;

/**
 * What an update changed, flattened to `attribute -> [old, new]` from either form: `data.changes.model_changes`
 * (Freshworks CRM) or `data.<record>.changes` (Freshsales Classic). Grouped changes are left out but for custom fields,
 * which come back as `custom_fields.<name>`.
 */
export function changesOf(payload: { event: string; data: unknown }): Record<string, ChangePair> {
  const data = payload.data as { changes?: { model_changes?: Record<string, unknown> } } & Record<string, unknown>;
  const key = (EVENT_RECORD_KEY as Record<string, string | undefined>)[payload.event];
  const record = key ? ((data[key] ?? data.custom_module) as { changes?: Record<string, unknown> } | undefined) : undefined;
  const raw = { ...record?.changes, ...data.changes?.model_changes };
  const out: Record<string, ChangePair> = {};
  for (const [name, change] of Object.entries(raw)) {
    const pair = changePair.safeParse(change);
    if (pair.success) out[name] = pair.data;
    else if (name === 'custom_fields' && typeof change === 'object' && change !== null) {
      for (const [cf, cfChange] of Object.entries(change)) {
        const cfPair = changePair.safeParse(cfChange);
        if (cfPair.success) out[`custom_fields.${cf}`] = cfPair.data;
      }
    }
  }
  return out;
}

/** Whether an update touched any of these attributes (e.g. a contact's phone numbers). */
export function hasChanged(payload: { event: string; data: unknown }, ...attributes: string[]): boolean {
  const changes = changesOf(payload);
  return attributes.some((name) => name in changes);
}

interface PhoneFields {
  mobile_number?: string | null;
  work_number?: string | null;
  phone?: string | null;
}

/** A record's phone numbers as the CRM holds them (trimmed, no blanks, no duplicates). */
export function recordPhones(record: PhoneFields): string[] {
  const numbers = [record.mobile_number, record.work_number, record.phone]
    .map((n) => (typeof n === 'string' ? n.trim() : ''))
    .filter((n) => n !== '');
  return [...new Set(numbers)];
}

interface NameFields {
  display_name?: string | null;
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
}

/** The name a rep sees: Classic's display_name, Freshworks CRM's name, or first and last name. */
export function recordName(record: NameFields): string | undefined {
  const full = [record.first_name, record.last_name].filter((part) => typeof part === 'string' && part.trim()).join(' ');
  return [record.display_name, record.name, full].find((name): name is string => typeof name === 'string' && name.trim() !== '')?.trim();
}
