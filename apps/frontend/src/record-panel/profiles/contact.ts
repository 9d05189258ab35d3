import type { PanelProfile } from '../profile';
import { recordName, recordNumbers } from '../numbers';

export const contactProfile: PanelProfile = {
  type: 'contact',
  numbers: recordNumbers,
  target: (record) => ({ type: 'contact', id: record.id, name: recordName(record) }),
  withDeals: true,
};
