import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asText } from '../markup';

/** One field of `config/iparams.json`, as the installation page draws it (types kept as written, `domain` included). */
export interface IparamField {
  name: string;
  displayName: string;
  description?: string;
  type: string;
  required: boolean;
  secure: boolean;
  visible: boolean;
  options: string[];
  defaultValue?: unknown;
  regex?: { pattern: string; message: string };
  /** The `events: [{change: fn}]` callback, a function of `config/assets/iparams.js`. */
  onChange?: string;
  dataBind?: string;
}

export type IparamsJsonResult = { ok: true; fields: IparamField[] } | { ok: false; problem: string };

function field(name: string, raw: Record<string, unknown>): IparamField {
  const regex = raw.regex && typeof raw.regex === 'object' ? (raw.regex as Record<string, unknown>) : undefined;
  const rule = regex ? Object.keys(regex).find((key) => !key.endsWith('-error')) : undefined;
  const change = Array.isArray(raw.events) ? (raw.events as unknown[]).map((e) => (e as { change?: unknown } | null)?.change).find((c) => typeof c === 'string') : undefined;
  const displayName = typeof raw.display_name === 'string' ? raw.display_name : name;
  return {
    name,
    displayName,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    type: typeof raw.type === 'string' ? raw.type : 'text',
    required: raw.required === true,
    secure: raw.secure === true,
    visible: raw.visible !== false,
    options: Array.isArray(raw.options) ? raw.options.map(String) : [],
    ...(raw.default_value === undefined ? {} : { defaultValue: raw.default_value }),
    ...(regex && rule ? { regex: { pattern: asText(regex[rule]), message: asText(regex[`${rule}-error`] ?? `${displayName} is not valid`) } } : {}),
    ...(change ? { onChange: change } : {}),
    ...(typeof raw['data-bind'] === 'string' ? { dataBind: raw['data-bind'] } : {}),
  };
}

/** Reads the app's `config/iparams.json`; a file that is not an object of objects is a problem to show, not a crash. */
export async function readIparamsJson(appDir: string): Promise<IparamsJsonResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(appDir, 'config/iparams.json'), 'utf8'));
  } catch (error) {
    return { ok: false, problem: `config/iparams.json: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : `not valid JSON (${(error as Error).message})`}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: 'config/iparams.json: expected an object of iparams' };
  const fields = Object.entries(raw as Record<string, unknown>)
    .filter((entry): entry is [string, Record<string, unknown>] => typeof entry[1] === 'object' && entry[1] !== null && !Array.isArray(entry[1]))
    .map(([name, value]) => field(name, value));
  return { ok: true, fields };
}
