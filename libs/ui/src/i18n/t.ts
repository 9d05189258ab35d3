import type { Catalogue, MessageKey } from './catalogue';
import { common } from './en/common';

const english: Catalogue = { ...common };

let active: Catalogue = {};
let locale = 'en';

/** Makes a group of the English catalogue available to `t`; each component adds the group it shows. */
export function addStrings(group: Catalogue): void {
  Object.assign(english, group);
}

/**
 * Speaks a user's language ("fr", "fr-CA") with its `translation` (`./fr`, loaded only for the users who read it):
 * keys it lacks, and languages without one, read English. Dates follow the language either way.
 */
export function setLanguage(language: string | undefined, translation: Catalogue = {}): void {
  active = translation;
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
