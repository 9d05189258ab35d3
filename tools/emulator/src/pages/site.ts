import { basename } from 'node:path';
import { isProductName, PRODUCTS, type ProductName } from '@callbridge/core';
import type { LoadedPlaceholder } from '../app/load-app';
import type { EmulatorContext } from '../context';
import type { PageState } from '../browser/page-state';
import type { LiveHub } from './live';

/** What every page handler needs: the emulator's shared services and the live channel. */
export interface Site {
  context: EmulatorContext;
  live: LiveHub;
}

export const PRODUCT_LABELS: Record<ProductName, string> = { freshworks_crm: 'Freshworks CRM', freshsales: 'Freshsales Classic' };

/** The products the app's manifest lists, in manifest order. */
export function appProducts(context: EmulatorContext): ProductName[] {
  return Object.keys(context.app.products).filter(isProductName);
}

/** The first product the app lists; Freshworks CRM for an app that lists none we know. */
export function defaultProduct(context: EmulatorContext): ProductName {
  return appProducts(context)[0] ?? PRODUCTS[0];
}

export function placeholdersOf(context: EmulatorContext, product: ProductName): Record<string, LoadedPlaceholder> {
  return context.app.products[product]?.placeholders ?? {};
}

export function appName(context: EmulatorContext): string {
  return basename(context.appDir);
}

export function pageState(site: Site, product: ProductName, view: PageState['view'], extra: Partial<PageState> = {}): PageState {
  return {
    product,
    view,
    placeholders: placeholdersOf(site.context, product),
    appName: appName(site.context),
    liveSince: site.live.lastId,
    ...extra,
  };
}

/** Where an app file of this product is served. */
export function appFileUrl(product: ProductName, path: string): string {
  return `/_app/${product}/${path.replace(/^\.?\//, '')}`;
}
