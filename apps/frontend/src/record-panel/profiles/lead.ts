import type { PanelProfile } from '../profile';
import { recordName, recordNumbers } from '../numbers';

export const leadProfile: PanelProfile = {
  type: 'lead',
  numbers: recordNumbers,
  target: (record) => ({ type: 'lead', id: record.id, name: recordName(record) }),
};
