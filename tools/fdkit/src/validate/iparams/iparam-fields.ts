import { z } from 'zod';
import type { FindingSink } from '../finding';
import { describeJsonValue, formatJsonPath, type JsonPath } from '../json-path';
import { isRecord, parseAt, reportUnknownKeys } from '../schema-issues';
import { looksSecret } from './secret-names';

export const IPARAM_TYPES = ['text', 'paragraph', 'dropdown', 'email', 'number', 'phone_number', 'date', 'url', 'radio', 'checkbox', 'multiselect', 'domain', 'api_key'] as const;
const WITH_OPTIONS = new Set(['dropdown', 'radio', 'multiselect']);
/** Types whose value a person types in, where a secret could end up. */
const FREE_TEXT = new Set(['text', 'paragraph', 'api_key', 'domain']);
const KNOWN_ATTRIBUTES = ['display_name', 'description', 'type', 'options', 'default_value', 'required', 'visible', 'secure', 'regex', 'events', 'data-bind', 'type_attributes'];

const option = z.union([z.string(), z.number()]);
const fieldSchema = z.object({
  display_name: z.string().min(1),
  description: z.string().optional(),
  type: z.enum(IPARAM_TYPES),
  options: z.array(option).min(1).optional(),
  default_value: z.unknown().optional(),
  required: z.boolean().optional(),
  visible: z.boolean().optional(),
  secure: z.boolean().optional(),
  regex: z.record(z.string(), z.string()).optional(),
  events: z.array(z.record(z.string(), z.string())).optional(),
  'data-bind': z.enum(['product.domain', 'product.api_key']).optional(),
  type_attributes: z.object({ product: z.string().min(1) }).optional(),
});
type Field = z.infer<typeof fieldSchema>;

/** One iparam as the other checks need it. */
export interface IparamInfo {
  key: string;
  type: string | undefined;
  secure: boolean;
  path: JsonPath;
  /** `events: [{"change": "fn"}]` callbacks, which must exist in config/assets/iparams.js. */
  changeCallbacks: { name: string; path: JsonPath }[];
}

export interface FieldsTarget {
  sink: FindingSink;
  file: string;
  rule: string;
  path: JsonPath;
  /** Products of the app; domain and api_key types are not for freshworks_crm. */
  products: readonly string[];
}

/** Checks a map of iparam definitions (config/iparams.json, or oauth_iparams of oauth_config.json). */
export function checkIparamFields(value: unknown, target: FieldsTarget): IparamInfo[] {
  const { sink, file } = target;
  if (!isRecord(value)) {
    sink.error(target.rule, file, formatJsonPath(target.path), `iparams must be an object of fields such as {"apiKey": {"display_name": "API key", "type": "text"}}, found ${describeJsonValue(value)}`);
    return [];
  }
  const fields: IparamInfo[] = [];
  for (const [key, raw] of Object.entries(value)) {
    const path = [...target.path, key];
    const at = formatJsonPath(path);
    if (key.trim() === '') {
      sink.error(target.rule, file, at, 'The iparam key should be a non-empty string.');
      continue;
    }
    if (!isRecord(raw)) {
      sink.error(target.rule, file, at, `iparam "${key}" must be an object with at least display_name and type, found ${describeJsonValue(raw)}`);
      continue;
    }
    reportUnknownKeys(raw, KNOWN_ATTRIBUTES, { sink, file, rule: target.rule, path }, `iparam "${key}"`);
    const field = parseAt(fieldSchema, raw, { sink, file, rule: target.rule, path });
    if (field) checkField(key, field, path, target);
    const type = typeof raw.type === 'string' ? raw.type : undefined;
    const secure = raw.secure === true;
    const boundToKey = raw['data-bind'] === 'product.api_key';
    if (!secure && (boundToKey || type === 'api_key' || (FREE_TEXT.has(type ?? 'text') && looksSecret(key)))) {
      sink.warn('iparams-secure', file, at, `iparam '${key}' appears to be a secure param but it isn't marked as secure; add "secure": true so only request templates can read it`);
    }
    fields.push({ key, type, secure, path, changeCallbacks: field ? changeCallbacks(field, path) : [] });
  }
  return fields;
}

function checkField(key: string, field: Field, path: JsonPath, target: FieldsTarget): void {
  const { sink, file, rule } = target;
  const at = (attribute: string): string => formatJsonPath([...path, attribute]);
  if (WITH_OPTIONS.has(field.type) && !field.options) {
    sink.error(rule, file, at('type'), `The mandatory key(s), options, missing for the '${key}' field; a ${field.type} needs "options": ["...", "..."]`);
  }
  if (!WITH_OPTIONS.has(field.type) && field.options) {
    sink.error(rule, file, at('options'), `Options must not be specified for ${field.type} type in the '${key}' field; use dropdown, radio or multiselect for a list of choices`);
  }
  if (field.options && new Set(field.options).size !== field.options.length) {
    sink.error(rule, file, at('options'), `options of '${key}' repeat a value; each option must be unique`);
  }
  checkDefault(key, field, at('default_value'), target);
  checkRegex(key, field.regex, path, target);
  if (field['data-bind'] && field.type !== 'text') {
    sink.error(rule, file, at('data-bind'), `data-bind works only on text iparams; make '${key}' "type": "text"`);
  }
  if (field.type_attributes && field.type !== 'domain' && field.type !== 'api_key') {
    sink.warn(rule, file, at('type_attributes'), `type_attributes applies only to domain and api_key iparams; it is ignored on '${key}'`);
  }
  if ((field.type === 'domain' || field.type === 'api_key') && target.products.includes('freshworks_crm')) {
    sink.error(rule, file, at('type'), `the ${field.type} type is not supported for Freshworks CRM; use "type": "text" with "data-bind": "product.${field.type === 'domain' ? 'domain' : 'api_key'}"`);
  }
  field.events?.forEach((entry, index) => {
    for (const event of Object.keys(entry)) {
      if (event !== 'change') sink.error(rule, file, formatJsonPath([...path, 'events', index, event]), `The ${event} event is not supported in the '${key}' field; only "change" is`);
    }
  });
}

function checkDefault(key: string, field: Field, location: string, target: FieldsTarget): void {
  const { sink, file, rule } = target;
  const value = field.default_value;
  if (value === undefined) return;
  const fail = (message: string): void => sink.error(rule, file, location, message);
  if (field.type === 'checkbox') {
    if (typeof value !== 'boolean') fail(`Specify either true or false for the default_value key in the '${key}' field.`);
    return;
  }
  if (field.type === 'number') {
    if (typeof value !== 'number' && !(typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))) fail(`default_value of '${key}' must be a number, found ${describeJsonValue(value)}`);
    return;
  }
  if (WITH_OPTIONS.has(field.type) && field.options) {
    const options = field.options;
    const values = field.type === 'multiselect' && Array.isArray(value) ? (value as unknown[]) : [value];
    for (const chosen of values) {
      if (!options.includes(chosen as string | number)) fail(`default_value ${describeJsonValue(chosen)} of '${key}' is not among its options (${options.map((o) => JSON.stringify(o)).join(', ')})`);
    }
    return;
  }
  if (typeof value !== 'string') fail(`default_value of '${key}' must be a string, found ${describeJsonValue(value)}`);
}

/** `regex` holds pairs: `"name": "<pattern>"` and `"name-error": "<message>"`. */
function checkRegex(key: string, regex: Record<string, string> | undefined, path: JsonPath, target: FieldsTarget): void {
  if (!regex) return;
  const { sink, file, rule } = target;
  for (const [name, pattern] of Object.entries(regex)) {
    const at = formatJsonPath([...path, 'regex', name]);
    if (name.endsWith('-error')) {
      if (!Object.hasOwn(regex, name.slice(0, -'-error'.length))) sink.error(rule, file, at, `"${name}" is an error message without its regex; add "${name.slice(0, -6)}": "<pattern>"`);
      continue;
    }
    try {
      new RegExp(pattern);
    } catch (error) {
      sink.error(rule, file, at, `regex "${name}" of '${key}' is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!Object.hasOwn(regex, `${name}-error`)) sink.error(rule, file, at, `regex "${name}" of '${key}' has no error message; add "${name}-error": "<what the person should type>"`);
  }
}

function changeCallbacks(field: Field, path: JsonPath): IparamInfo['changeCallbacks'] {
  return (field.events ?? []).flatMap((entry, index) =>
    typeof entry.change === 'string' ? [{ name: entry.change, path: [...path, 'events', index, 'change'] }] : [],
  );
}
