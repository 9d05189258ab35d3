import type { CallRecord } from '@callbridge/contracts';
import type { CrmRecord } from '@callbridge/core';
import { t } from '@callbridge/ui';
import type { PanelProfile } from '../profile';
import { phoneEntry, recordName, recordNumbers } from '../numbers';

/**
 * A deal stores no numbers of its contacts; the panel offers the numbers its calls with them used, the primary
 * contact (first of `contact_ids`) first.
 */
function dealNumbers(record: CrmRecord, calls: readonly CallRecord[]) {
  const ids = Array.isArray(record.contact_ids) ? (record.contact_ids as unknown[]) : [];
  const byPhone = new Map<string, { rank: number; label: string }>();
  for (const { phoneNumber, target } of calls) {
    if (!phoneNumber || target?.type !== 'contact' || byPhone.has(phoneNumber)) continue;
    const rank = ids.indexOf(target.id);
    byPhone.set(phoneNumber, { rank: rank < 0 ? ids.length : rank, label: target.name ?? t('type.contact') });
  }
  const contacts = [...byPhone].sort(([, a], [, b]) => a.rank - b.rank).map(([phone, { label }]) => phoneEntry(label, phone));
  return [...recordNumbers(record), ...contacts];
}

export const dealProfile: PanelProfile = {
  type: 'deal',
  numbers: dealNumbers,
  target: (record) => ({ type: 'deal', id: record.id, name: recordName(record) }),
  showTarget: true,
};
