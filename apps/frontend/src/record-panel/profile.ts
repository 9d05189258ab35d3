import type { CallRecord, CallTarget } from '@callbridge/contracts';
import type { CrmRecord } from '@callbridge/core';
import type { PhoneEntry } from '@callbridge/ui';

/** What differs between the contact, lead, deal and account panels; each entry bundles only its own profile. */
export interface PanelProfile {
  /** The record type the placeholder sits on, as `host.record()` and `listCalls` name it. */
  readonly type: 'contact' | 'lead' | 'deal' | 'sales_account';
  /** The numbers the rep can call from here; a deal has none of its own and offers its contacts' numbers. */
  numbers(record: CrmRecord, calls: readonly CallRecord[]): PhoneEntry[];
  /** What "Log a call" logs against; without it the panel offers no "Log a call". */
  target?(record: CrmRecord): CallTarget;
  /** Offer the contact's open deals in the log form. */
  readonly withDeals?: boolean;
  /** The calls are with several people: say with whom. */
  readonly showTarget?: boolean;
}
