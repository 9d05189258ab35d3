import type { ProductName, ServerContext } from '@callbridge/core';
import type { CallDeps } from '../calls/call-deps';
import { crmConnectorFor, phoneProviderFor } from '../services';
import { readSettings } from '../settings';
import { callLedger } from '../store/call-ledger';
import { dealLinks } from '../store/deal-links';
import { phoneIndex } from '../store/phone-index';

/** What logging calls needs, from a handler's context and the installation's settings. */
export function callDepsFor(ctx: ServerContext, product: ProductName): CallDeps {
  return {
    crm: crmConnectorFor(ctx, product),
    phone: phoneProviderFor(ctx),
    settings: readSettings(ctx.iparams, product),
    ledger: callLedger(ctx.db),
    index: phoneIndex(ctx.db),
    links: dealLinks(ctx.db),
    log: ctx.log,
    now: () => ctx.now().getTime(),
  };
}
