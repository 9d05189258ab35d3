import { crmError } from './errors';

export type BodyResult = { ok: true; outer: Record<string, unknown>; fields: Record<string, unknown> } | { ok: false; response: Response };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a write request's body: JSON, or form data with Rails bracket keys (`phone_call[targetable][id]=5`) as the
 * products' own CTI sample sends. The record's fields may come wrapped (`{"contact": {...}}`, what the docs show) or
 * bare (public clients send both and the products accept both).
 */
export async function readBody(request: Request, wrapper: string): Promise<BodyResult> {
  const contentType = request.headers.get('content-type') ?? '';
  let value: unknown;
  if (/multipart\/form-data|application\/x-www-form-urlencoded/i.test(contentType)) {
    value = fromForm(await request.formData());
  } else {
    const text = await request.text();
    try {
      value = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch {
      return { ok: false, response: crmError(400, 'The request body is not valid JSON.') };
    }
  }
  if (!isObject(value)) return { ok: false, response: crmError(400, `The request body must be a JSON object, e.g. {"${wrapper}": {...}}.`) };
  const inner = value[wrapper];
  return { ok: true, outer: value, fields: isObject(inner) ? inner : value };
}

/** `a[b][c]=1` becomes `{a: {b: {c: '1'}}}`; `a[]=1&a[]=2` becomes `{a: ['1', '2']}`. Files are ignored. */
export function fromForm(form: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') assign(root, key.replace(/\]/g, '').split('['), value);
  }
  return root;
}

function assign(root: Record<string, unknown>, path: string[], value: string): void {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i]!;
    if (i === path.length - 2 && path[i + 1] === '') {
      const list = Array.isArray(node[segment]) ? (node[segment] as unknown[]) : [];
      list.push(value);
      node[segment] = list;
      return;
    }
    if (!isObject(node[segment])) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
