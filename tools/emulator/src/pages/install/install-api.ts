import { PRODUCTS, isProductName } from '@callbridge/core';
import { z } from 'zod';
import { json, readJson } from '../../http/router';
import type { Site } from '../site';

const product = z.enum(PRODUCTS, { error: 'must be freshworks_crm or freshsales' });
const installSchema = z.object({
  product,
  values: z.record(z.string(), z.unknown()),
  secure: z.array(z.string()).optional(),
});
const productSchema = z.object({ product });

const blank = (value: unknown) => value === undefined || value === null || value === '';

async function parse<T>(request: Request, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readJson(request);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, response: json({ ok: false, errors: [{ iparam: issue.path.join('.') || '(body)', message: issue.message }] }, 400) };
}

/**
 * POST `/_fdk/install` `{product, values, secure}`: installs or saves. A secure value left blank keeps the stored one,
 * which never leaves the server; the answer carries public values only.
 */
export async function handleInstall(site: Site, request: Request): Promise<Response> {
  const body = await parse(request, installSchema);
  if (!body.ok) return body.response;
  const { installations } = site.context;
  const { product } = body.value;
  const values = { ...body.value.values };
  const previous = installations.get(product);
  for (const name of previous?.secure ?? []) {
    if (blank(values[name]) && previous!.values[name] !== undefined) values[name] = previous!.values[name];
  }
  const secure = [...new Set([...(body.value.secure ?? []), ...(previous?.secure.filter((name) => values[name] === previous.values[name]) ?? [])])];
  const result = await installations.install(product, values, secure);
  if (!result.ok) return json({ ok: false, errors: result.errors }, 400);
  return json({ ok: true, product, installedAt: result.installation.installedAt, values: installations.publicValues(product) });
}

/** POST `/_fdk/uninstall` `{product}`. */
export async function handleUninstall(site: Site, request: Request): Promise<Response> {
  const body = await parse(request, productSchema);
  if (!body.ok) return body.response;
  const removed = await site.context.installations.uninstall(body.value.product);
  return json({ ok: removed }, removed ? 200 : 404);
}

/** GET `/_fdk/api/iparams?product=<p>`: what `client.iparams.get` may see; secure iparams by name only, never by value. */
export function handleIparams(site: Site, request: Request): Response {
  const product = new URL(request.url).searchParams.get('product');
  if (!isProductName(product)) return json({ status: 400, message: 'iparams.get: product must be freshworks_crm or freshsales.' }, 400);
  const installation = site.context.installations.get(product);
  return json({ installed: installation !== undefined, values: site.context.installations.publicValues(product) ?? {}, secure: installation?.secure ?? [] });
}
