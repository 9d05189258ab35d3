import type { JsonObject, JsonValue } from '../platform/client';
import { allFields, type CompiledSchema } from './compile-template';
import { RequestTemplateError } from './request-template-error';
import { containsSubstitutionMarker, referencesOf } from './template-expression';

export type ContextValue = string | number | boolean;

/** What a caller passes for one call of a template; the same on every platform version. */
export interface CallInput {
  /** Values for `<%= context.x %>`. */
  context?: Readonly<Record<string, ContextValue>>;
  /** A string is sent as is; anything else as JSON. */
  body?: string | JsonObject | JsonValue[];
  /** Extra query parameters; they replace the template's parameters of the same name. */
  query?: Readonly<Record<string, ContextValue>>;
}

export interface PreparedCall {
  context: Readonly<Record<string, ContextValue>>;
  body: string | undefined;
  query: Readonly<Record<string, string>>;
}

function refuseMarkers(template: string, field: string, value: string): void {
  // On 2.1 the platform substitutes inside whatever we send, so a caller's "<%= iparam.token %>" would leak a secret.
  if (containsSubstitutionMarker(value)) {
    throw new RequestTemplateError(template, field, 'holds "<%" or "%>", which the platform would read as a substitution; remove them');
  }
}

/** Normalises a call's input and checks it against the template before anything is sent. */
export function prepareCall(template: string, compiled: CompiledSchema, input: CallInput = {}): PreparedCall {
  const context = input.context ?? {};
  for (const [key, value] of Object.entries(context)) refuseMarkers(template, `context.${key}`, String(value));
  for (const field of allFields(compiled)) {
    for (const ref of referencesOf(field.segments)) {
      if (ref.source === 'context' && (context[ref.key] === undefined || context[ref.key] === null)) {
        throw new RequestTemplateError(template, field.field, `needs context.${ref.key}, which was not given`, `context.${ref.key}`);
      }
    }
  }
  const query = Object.fromEntries(Object.entries(input.query ?? {}).map(([key, value]) => [key, String(value)]));
  for (const [key, value] of Object.entries(query)) refuseMarkers(template, `query.${key}`, `${key}${value}`);
  const body = input.body === undefined || typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  if (body !== undefined) refuseMarkers(template, 'body', body);
  return { context, body, query };
}
