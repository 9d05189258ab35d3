import type { ProductName } from '../platform/products';
import { isIparamInProduct, type IparamDefinition, type IparamDefinitions } from './definition';

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
