import type { Catalogue, MessageKey } from './catalogue';
import { common } from './en/common';
import { fr } from './fr';

const translations: Record<string, Catalogue> = { fr };
const english: Catalogue = { ...common };

let active: Catalogue = {};
let locale = 'en';

/** Makes a group of the English catalogue available to `t`; each component adds the group it shows. */
export function addStrings(group: Catalogue): void {
  Object.assign(english, group);
}

/** Chooses the catalogue for a user's language ("fr", "fr-CA"); unknown or missing languages read English. */
export function setLanguage(language: string | undefined): void {
  active = translations[(language ?? '').slice(0, 2).toLowerCase()] ?? {};
  locale = language || 'en';
}

/** The user's language, for dates. */
export function currentLocale(): string {
  return locale;
}

/** The text for `key` in the chosen language, with `{name}` filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = active[key] ?? english[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}
