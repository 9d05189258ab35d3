import type { z } from 'zod';
import type { EventName } from '../../platform/events';
import { HandlerFailure } from '../failure';
import { check, type OutputOf, type Schema } from '../../schema/standard';
import { formatPath, type PayloadIssue, summarizeIssues, toPayloadIssues } from './issues';
import { findJsonBreak } from './json-break';
import { type EventPayload, PAYLOAD_SCHEMAS } from './schemas';

/** A payload that is not what the event promises; answered as 400, naming the event and the field. */
export class PayloadError extends HandlerFailure {
  override name = 'PayloadError';

  constructor(
    readonly label: string,
    readonly issues: readonly PayloadIssue[],
  ) {
    super(400, summarizeIssues(label, issues));
  }
}

export type PayloadParseResult<T> = { ok: true; value: T } | { ok: false; error: PayloadError };

/** Reads JSON text, naming the field where a cut or broken text stops. */
function parseJsonText(label: string, text: string): PayloadParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const at = findJsonBreak(text);
    const message = at.truncated
      ? `the JSON text ends early here (cut at character ${at.offset})`
      : `the JSON text is broken here (${err instanceof Error ? err.message : 'not JSON'})`;
    return { ok: false, error: new PayloadError(label, [{ path: at.path, message }]) };
  }
}

/** Checks any value against a schema; errors name `label` and the field path. */
export function parseWith<S extends z.ZodType>(label: string, schema: S, raw: unknown): PayloadParseResult<z.output<S>>;
export function parseWith<S extends Schema>(label: string, schema: S, raw: unknown): PayloadParseResult<OutputOf<S>>;
export function parseWith(label: string, schema: Schema, raw: unknown): PayloadParseResult<unknown> {
  if (isZodSchema(schema)) {
    // zod reports the received value, which makes messages like "expected number, received string".
    const result = schema.safeParse(raw, { reportInput: true });
    return result.success ? { ok: true, value: result.data } : { ok: false, error: new PayloadError(label, toPayloadIssues(result.error)) };
  }
  const result = check(schema, raw);
  if (result.ok) return { ok: true, value: result.value };
  const issues = result.issues.map((issue) => ({
    path: formatPath((issue.path ?? []).map((part) => (typeof part === 'object' ? part.key : part))),
    message: issue.message,
  }));
  return { ok: false, error: new PayloadError(label, issues) };
}

function isZodSchema(schema: Schema): schema is z.ZodType {
  return schema['~standard'].vendor === 'zod' && typeof (schema as Partial<z.ZodType>).safeParse === 'function';
}

/**
 * The typed payload of `event`, or a PayloadError such as
 * `onContactUpdate: data.contact.id: expected number, received string`. Accepts the object or its JSON text.
 */
export function parsePayload<E extends EventName>(event: E, raw: unknown): PayloadParseResult<EventPayload<E>> {
  const schema = PAYLOAD_SCHEMAS[event] as z.ZodType | undefined;
  if (!schema) {
    return { ok: false, error: new PayloadError(String(event), [{ path: 'event', message: 'is not a serverless event this platform sends' }]) };
  }
  const input = typeof raw === 'string' ? parseJsonText(event, raw) : { ok: true as const, value: raw };
  if (!input.ok) return input;
  return parseWith(event, schema, input.value) as PayloadParseResult<EventPayload<E>>;
}
