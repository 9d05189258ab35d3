import { phoneKey, type ContactMatch } from '@callbridge/contracts';
import type { ContactType } from './connector';
import type { Person } from './schemas';

/** The name a rep sees: Classic's display_name, first and last name, or Freshworks CRM's name. */
export function personName(person: Person): string {
  const full = [person.first_name, person.last_name].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
  const found = [person.display_name, full, person.name].find((name): name is string => typeof name === 'string' && name.trim() !== '');
  return found?.trim() ?? `Unnamed ${person.id}`;
}

/**
 * A placeholder's name as the CRM stores people: the last word is the last name, which Freshsales requires; the
 * rest, if any, the first name.
 */
export function splitName(name: string): { first_name?: string; last_name: string } {
  const words = name.trim().split(/\s+/);
  const last = words.pop() ?? '';
  return words.length ? { first_name: words.join(' '), last_name: last } : { last_name: last };
}

/** Whether the person's mobile or work number is the number with this key (normalised digits). */
export function hasNumber(person: Person, key: string): boolean {
  return [person.mobile_number, person.work_number].some((number) => typeof number === 'string' && phoneKey(number) === key);
}

export function toContactMatch(person: Person, type: ContactType, phone: string): ContactMatch {
  const company = person.company?.name?.trim();
  return { id: person.id, type, name: personName(person), phone, ...(company && { company }) };
}
