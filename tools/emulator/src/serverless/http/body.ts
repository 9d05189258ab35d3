import { PRODUCTS } from '@callbridge/core';
import { z } from 'zod';
import { json, readJson } from '../../http/router';

export const productSchema = z.enum(PRODUCTS, { error: `must be one of ${PRODUCTS.join(', ')}` });

/** A 400 that names the field, in the platform's error shape plus `field`. */
export function badRequest(field: string, message: string): Response {
  return json({ status: 400, message: `${field}: ${message}`, field }, 400);
}

/** The first problem zod found, as `field: message`; `body` when the body itself is wrong. */
export function issueResponse(error: z.ZodError, prefix = ''): Response {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const field = [prefix, path].filter(Boolean).join('.') || 'body';
  return badRequest(field, issue?.message ?? 'invalid');
}

/** Reads and checks a JSON body; an absent body counts as `{}`. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; value: z.output<S> } | { ok: false; response: Response }> {
  const read = await readJson(request);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.value ?? {});
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: issueResponse(parsed.error) };
}
