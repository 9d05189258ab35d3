/** HTML that is already safe: produced by `markup` or deliberately marked with `raw`. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Renderable = Markup | string | number | boolean | null | undefined | readonly Renderable[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: Renderable): string {
  if (value instanceof Markup) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Any stored value as text: objects as JSON, nothing as the empty string. */
export function asText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return value === null ? '' : JSON.stringify(value);
    default:
      return '';
  }
}

/** A template tag that escapes every interpolated value unless it is Markup; arrays are joined, null and false vanish. */
export function markup(strings: TemplateStringsArray, ...values: Renderable[]): Markup {
  let html = strings[0]!;
  values.forEach((value, i) => (html += render(value) + strings[i + 1]!));
  return new Markup(html);
}

export function raw(html: string): Markup {
  return new Markup(html);
}

/** JSON inside a `<script type="application/json">`: nothing in it can close the script element. */
export function jsonScript(id: string, value: unknown): Markup {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return raw(`<script type="application/json" id="${escapeHtml(id)}">${json}</script>`);
}
