import type { KeyValueStore, ProductName, ServerRequestApi } from '@callbridge/core';
import { createFreshworksConnector, type CrmConnector } from '@callbridge/crm-connector';
import { createAircallProvider, type PhoneProvider } from '@callbridge/phone-provider';
import { PLATFORM_VERSION } from './platform-version';
import { dbReferenceCache } from './store/reference-cache';

/** What a handler reads its surroundings from: a handler or server method context. */
export interface ServiceContext {
  readonly request: ServerRequestApi;
  readonly db: KeyValueStore;
}

/** The phone system behind the provider interface; Aircall is the one Callbridge ships with. */
export function phoneProviderFor(ctx: Pick<ServiceContext, 'request'>): PhoneProvider {
  return createAircallProvider({ request: ctx.request, platformVersion: PLATFORM_VERSION });
}

/** The CRM of the product that sent the event. */
export function crmConnectorFor(ctx: ServiceContext, product: ProductName): CrmConnector {
  return createFreshworksConnector({ request: ctx.request, platformVersion: PLATFORM_VERSION, product, cache: dbReferenceCache(ctx.db) });
}
