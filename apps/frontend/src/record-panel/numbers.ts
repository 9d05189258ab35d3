import { normalizePhone } from '@callbridge/contracts';
import type { CrmRecord } from '@callbridge/core';
import { t, type PhoneEntry } from '@callbridge/ui';

const PHONE_FIELDS = ['mobile_number', 'work_number', 'phone'] as const;

/** One number to show; one that is not a phone number is shown with the reason it cannot be called. */
export function phoneEntry(label: string, phone: string): PhoneEntry {
  const normal = normalizePhone(phone);
  return normal.ok ? { label, phone } : { label, phone, problem: normal.message };
}

/** The record's own numbers: mobile, work and (accounts) phone, in that order. */
export function recordNumbers(record: CrmRecord): PhoneEntry[] {
  return PHONE_FIELDS.flatMap((field) => {
    const raw = record[field];
    return typeof raw === 'string' && raw.trim() !== '' ? [phoneEntry(t(`numbers.${field}`), raw.trim())] : [];
  });
}

/** The name a person reads for a record, whatever the product calls it. */
export function recordName(record: CrmRecord): string | undefined {
  const { display_name, name, first_name, last_name } = record;
  if (typeof display_name === 'string' && display_name) return display_name;
  if (typeof name === 'string' && name) return name;
  const full = [first_name, last_name].filter((part) => typeof part === 'string' && part).join(' ');
  return full || undefined;
}
