import type { ProductName } from '../platform/products';
import { isIparamInProduct, type IparamDefinition, type IparamDefinitions, type IparamValues } from './definition';

export interface IparamIssue {
  iparam: string;
  message: string;
}

export type IparamParseResult<D extends IparamDefinitions> =
  | { ok: true; values: IparamValues<D> }
  | { ok: false; issues: IparamIssue[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()\-.]{5,20}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Checks one value against its definition; returns the normalised value or a message for the admin. */
function checkValue(def: IparamDefinition, value: unknown): { value: unknown } | { message: string } {
  switch (def.type) {
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? { value: n } : { message: 'must be a number' };
    }
    case 'checkbox':
      if (typeof value === 'boolean') return { value };
      if (value === 'true' || value === 'false') return { value: value === 'true' };
      return { message: 'must be true or false' };
    case 'multiselect': {
      const list = Array.isArray(value) ? value : [value];
      const bad = list.filter((v) => typeof v !== 'string' || !def.options?.includes(v));
      return bad.length ? { message: `has ${bad.map(String).join(', ')}, not among its options` } : { value: list };
    }
    default: {
      if (typeof value !== 'string') return { message: 'must be text' };
      if ((def.type === 'dropdown' || def.type === 'radio') && !def.options?.includes(value)) {
        return { message: `"${value}" is not one of ${def.options?.join(', ')}` };
      }
      if (def.type === 'email' && !EMAIL.test(value)) return { message: 'must be an email address' };
      if (def.type === 'url' && !URL.canParse(value)) return { message: 'must be a URL' };
      if (def.type === 'phone_number' && !PHONE.test(value)) return { message: 'must be a phone number' };
      if (def.type === 'date' && !DATE.test(value)) return { message: 'must be a date (YYYY-MM-DD)' };
      if (def.regex && !new RegExp(def.regex.pattern).test(value)) return { message: def.regex.message };
      return { value };
    }
  }
}

/**
 * Validates an installation's values against the definitions for one product: what the installation page checks
 * before install, and what handlers use to read `payload.iparams`. Unknown keys are dropped; defaults fill gaps.
 */
export function parseIparamValues<D extends IparamDefinitions>(
  definitions: D,
  raw: unknown,
  product: ProductName,
): IparamParseResult<D> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ iparam: '(all)', message: 'iparams must be an object of name to value' }] };
  }
  const input = raw as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const issues: IparamIssue[] = [];
  for (const [name, def] of Object.entries(definitions)) {
    if (!isIparamInProduct(def, product)) continue;
    const value = isBlank(input[name]) ? def.defaultValue : input[name];
    if (isBlank(value)) {
      if (def.required) issues.push({ iparam: name, message: `${def.displayName} is required` });
      continue;
    }
    const checked = checkValue(def, value);
    if ('message' in checked) issues.push({ iparam: name, message: `${def.displayName} ${checked.message}` });
    else values[name] = checked.value;
  }
  return issues.length ? { ok: false, issues } : { ok: true, values: values as IparamValues<D> };
}

/** Drops secure values: what a front end may see of an installation. */
export function publicIparamValues(definitions: IparamDefinitions, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => definitions[name]?.secure !== true));
}
