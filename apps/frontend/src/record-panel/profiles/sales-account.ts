import type { PanelProfile } from '../profile';
import { recordNumbers } from '../numbers';

/** Calls across the account's contacts; calls are logged against people or deals, so there is no "Log a call" here. */
export const salesAccountProfile: PanelProfile = {
  type: 'sales_account',
  numbers: recordNumbers,
  showTarget: true,
};
