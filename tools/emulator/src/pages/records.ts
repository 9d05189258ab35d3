import type { StoredRecord } from '../crm/types';

/** How a record is named on pages and in links. */
export function recordName(record: StoredRecord): string {
  if (typeof record.display_name === 'string' && record.display_name) return record.display_name;
  if (typeof record.name === 'string' && record.name) return record.name;
  const full = [record.first_name, record.last_name].filter((part) => typeof part === 'string' && part).join(' ');
  return full || `#${record.id}`;
}

export function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]!.toUpperCase())
      .join('') || '?'
  );
}

/** Fields that hold phone numbers: shown as click-to-call links. */
export const PHONE_FIELDS = ['mobile_number', 'work_number', 'phone'];

export function phoneNumbers(record: StoredRecord): string[] {
  return PHONE_FIELDS.map((field) => record[field]).filter((value): value is string => typeof value === 'string' && value !== '');
}
