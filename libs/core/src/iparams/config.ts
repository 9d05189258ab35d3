import type { ProductName } from '../platform/products';
import { IPARAM_TYPES, isIparamInProduct, type IparamDefinition, type IparamDefinitions, type IparamType } from './definition';

/** One iparam as `config/iparams.json` spells it. */
export interface IparamJson {
  display_name: string;
  description?: string;
  type: string;
  required?: boolean;
  secure?: boolean;
  visible?: boolean;
  options?: string[];
  default_value?: string | number | boolean | string[];
  regex?: Record<string, string>;
  events?: { change: string }[];
  'data-bind'?: string;
}

function toJson(def: IparamDefinition): IparamJson {
  const json: IparamJson = { display_name: def.displayName, type: def.type };
  if (def.description) json.description = def.description;
  if (def.required !== undefined) json.required = def.required;
  if (def.secure !== undefined) json.secure = def.secure;
  if (def.visible !== undefined) json.visible = def.visible;
  if (def.options) json.options = [...def.options];
  if (def.defaultValue !== undefined) {
    json.default_value = Array.isArray(def.defaultValue) ? [...(def.defaultValue as string[])] : (def.defaultValue as string);
  }
  if (def.regex) json.regex = { [def.regex.name]: def.regex.pattern, [`${def.regex.name}-error`]: def.regex.message };
  if (def.onChange) json.events = [{ change: def.onChange }];
  if (def.dataBind) json['data-bind'] = def.dataBind;
  return json;
}

/** The `config/iparams.json` content for one product, in definition order. */
export function toIparamsJson(definitions: IparamDefinitions, product: ProductName): Record<string, IparamJson> {
  const out: Record<string, IparamJson> = {};
  for (const [name, def] of Object.entries(definitions)) {
    if (isIparamInProduct(def, product)) out[name] = toJson(def);
  }
  return out;
}

/** Whether every product sees the same page, so one iparams.json serves all (otherwise iparams.html must branch). */
export function iparamsDifferByProduct(definitions: IparamDefinitions): boolean {
  return Object.values(definitions).some((def) => def.products !== undefined);
}

export function secureIparamNames(definitions: IparamDefinitions): string[] {
  return Object.entries(definitions)
    .filter(([, def]) => def.secure === true)
    .map(([name]) => name);
}

/**
 * Reads an app's `config/iparams.json` back into definitions, so the emulator and validator check values with the
 * same rules as our own app. Unknown types are kept as text; malformed entries are reported by name.
 */
export function fromIparamsJson(json: Record<string, unknown>): { definitions: Record<string, IparamDefinition>; problems: string[] } {
  const definitions: Record<string, IparamDefinition> = {};
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(json)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${name}: expected an object`);
      continue;
    }
    const entry = raw as Partial<IparamJson> & Record<string, unknown>;
    const type = (IPARAM_TYPES as readonly string[]).includes(String(entry.type)) ? (entry.type as IparamType) : 'text';
    const def: IparamDefinition = { displayName: typeof entry.display_name === 'string' ? entry.display_name : name, type };
    if (typeof entry.description === 'string') def.description = entry.description;
    if (typeof entry.required === 'boolean') def.required = entry.required;
    if (typeof entry.secure === 'boolean') def.secure = entry.secure;
    if (typeof entry.visible === 'boolean') def.visible = entry.visible;
    if (Array.isArray(entry.options)) def.options = entry.options.map(String);
    if (entry.default_value !== undefined) def.defaultValue = entry.default_value;
    const regex = entry.regex;
    if (regex && typeof regex === 'object') {
      const ruleName = Object.keys(regex).find((k) => !k.endsWith('-error'));
      if (ruleName) def.regex = { name: ruleName, pattern: String(regex[ruleName]), message: String(regex[`${ruleName}-error`] ?? `${def.displayName} is not valid`) };
    }
    const change = Array.isArray(entry.events) ? entry.events.find((e) => typeof e?.change === 'string')?.change : undefined;
    if (change) def.onChange = change;
    if (entry['data-bind'] === 'product.domain' || entry['data-bind'] === 'product.api_key') def.dataBind = entry['data-bind'];
    definitions[name] = def;
  }
  return { definitions, problems };
}
