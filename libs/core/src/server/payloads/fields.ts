import { z } from 'zod';

/**
 * Freshworks CRM sends most record fields as `{label, type | dom_type, value}`; Freshsales Classic sends the bare
 * value. Both are real: the platform's samples show each.
 */
export interface WrappedField {
  label?: string;
  type?: string;
  dom_type?: string;
  value: unknown;
}

export function isWrappedField(value: unknown): value is WrappedField {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'value' in value &&
    ('label' in value || 'type' in value || 'dom_type' in value)
  );
}

/** The bare value of a record field in either form. */
export function fieldValue(value: unknown): unknown {
  return isWrappedField(value) ? value.value : value;
}

/** A record field accepted in either form and parsed as its bare value. */
export function field<T extends z.ZodType>(inner: T) {
  return z.preprocess(fieldValue, inner);
}

/** Record ids are JSON numbers in every sample; a string id is a sign of a different (wrong) payload. */
export const recordId = z.number().int();

export const nullableText = z.string().nullable();

/** `{id, _model}`: how associations point at another record (targetable, entity). */
export const recordRef = z.looseObject({ id: recordId, _model: z.string() });

/** An associated lookup value (stage, source, outcome...): only the id and name matter to us. */
export const lookup = z.looseObject({ id: recordId, name: z.string() });
