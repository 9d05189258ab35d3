import type { HandlerLogger } from '@callbridge/core';
import type { CrmConnector } from '@callbridge/crm-connector';
import type { PhoneProvider } from '@callbridge/phone-provider';
import type { Settings } from '../settings';
import type { CallLedger } from '../store/call-ledger';
import type { DealLinks } from '../store/deal-links';
import type { PhoneIndex } from '../store/phone-index';

/** Everything logging a phone system call needs, built once per invocation. */
export interface CallDeps {
  crm: CrmConnector;
  phone: PhoneProvider;
  settings: Settings;
  ledger: CallLedger;
  index: PhoneIndex;
  links: DealLinks;
  log: HandlerLogger;
  /** Epoch milliseconds. */
  now: () => number;
}
