import { z } from 'zod';

/** Record ids: numbers, or numeric strings as form bodies and some clients send them. */
export const recordId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);
export const text = z.string().nullish();
export const email = z.preprocess((v) => (v === '' ? null : v), z.email().nullish());
export const decimal = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
export const whole = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);
export const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
export const customFields = z.record(z.string(), z.unknown());

export type Parsed<T> = { ok: true; value: T } | { ok: false; status: 400; messages: string[] };

/** Field types are checked here (400); rules between fields and records come after (422). */
export function parseFields<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const messages = result.error.issues.map((issue) => `The value for ${issue.path.join('.') || 'the body'} is invalid: ${issue.message}.`);
  return { ok: false, status: 400, messages };
}

/** Drops keys whose value is undefined, so an update only writes what the request sent. */
export function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
