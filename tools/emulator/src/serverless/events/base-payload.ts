import type { ProductName } from '@callbridge/core';
import type { CrmStore } from '../../crm/store';
import type { JsonRecord } from '../json';
import { isSetupEvent } from './registry';

/** Where the product's web app lives, as `productContext.url` gives it. */
export function productUrl(store: CrmStore, product: ProductName): string {
  const { domain } = store.account(product);
  return product === 'freshworks_crm' ? `https://${domain}/crm` : `https://${domain}`;
}

/**
 * The envelope every payload shares: account, domain (with its scheme for app setup events, as the platform's
 * samples have it), region, timestamp in seconds, productContext and the installation's iparams, secure ones too.
 */
export function basePayload(store: CrmStore, product: ProductName, event: string, nowMs: number, iparams: Record<string, unknown>): JsonRecord {
  const account = store.account(product);
  return {
    account_id: account.accountId,
    domain: isSetupEvent(event) ? `https://${account.domain}` : account.domain,
    event,
    region: account.region,
    timestamp: nowMs / 1000,
    productContext: { url: productUrl(store, product), name: product },
    iparams: structuredClone(iparams),
  };
}
