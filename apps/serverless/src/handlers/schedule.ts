import type { Every } from '@callbridge/core';

/** The one recurring schedule an installation may have: the reconciliation of the phone system's calls. */
export const RECONCILE_SCHEDULE = 'callbridge-reconcile';
export const RECONCILE_EVERY: Every = { time_unit: 'minutes', frequency: 5 };
