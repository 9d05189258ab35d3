import { isProductName, PRODUCTS, type ProductName } from '../../platform/products';
import { HandlerFailure } from '../failure';

/** What `productOf` reads; every parsed payload has it. */
export interface ProductCarrier {
  event?: string;
  domain?: string;
  productContext?: { name?: string; url?: string } | undefined;
}

export class ProductContextError extends HandlerFailure {
  override name = 'ProductContextError';
  constructor(message: string) {
    super(400, message);
  }
}

/** Account hosts each product serves from; used only when a payload has no productContext.name. */
const HOST_SUFFIXES: readonly (readonly [string, ProductName])[] = [
  ['.myfreshworks.com', 'freshworks_crm'],
  ['.freshsales.io', 'freshsales'],
];

function hostOf(address: string): string {
  return address.replace(/^[a-z]+:\/\//i, '').replace(/[/:].*$/, '').toLowerCase();
}

/** Payloads are untrusted: a url or domain that is not a string tells nothing. */
function productOfHost(address: unknown): ProductName | undefined {
  if (typeof address !== 'string' || !address) return undefined;
  const host = hostOf(address);
  return HOST_SUFFIXES.find(([suffix]) => host.endsWith(suffix))?.[1];
}

/**
 * Which product sent this payload, for omni apps: `productContext.name` as the platform documents it. Payloads the
 * platform sends without productContext (afterAppUpdate, availability events) fall back to the account's host
 * (`*.myfreshworks.com` is Freshworks CRM, `*.freshsales.io` Freshsales). Anything else is a 400 that says why.
 */
export function productOf(payload: ProductCarrier): ProductName {
  const label = payload.event ?? 'payload';
  const name = payload.productContext?.name;
  if (name !== undefined) {
    if (isProductName(name)) return name;
    throw new ProductContextError(`${label}: productContext.name "${String(name)}" is not one of ${PRODUCTS.join(', ')}`);
  }
  const byHost = productOfHost(payload.productContext?.url) ?? productOfHost(payload.domain);
  if (byHost) return byHost;
  throw new ProductContextError(
    `${label}: cannot tell the product: no productContext.name, and domain "${typeof payload.domain === 'string' ? payload.domain : ''}" is not a *.myfreshworks.com or *.freshsales.io account`,
  );
}

/** Picks the value for the payload's product: `forProduct(payload, {freshworks_crm: 'contact', freshsales: 'lead'})`. */
export function forProduct<T>(payload: ProductCarrier, values: Readonly<Record<ProductName, T>>): T {
  return values[productOf(payload)];
}

/** REST API roots: Freshworks CRM serves it under `/crm/sales/api`, Freshsales Classic under `/api`. */
const API_PATHS: Readonly<Record<ProductName, string>> = { freshworks_crm: '/crm/sales/api', freshsales: '/api' };

/** The account's CRM REST API base URL, e.g. `https://acme.myfreshworks.com/crm/sales/api`. */
export function crmApiBaseUrl(payload: ProductCarrier & { domain: string }): string {
  return `https://${hostOf(payload.domain)}${forProduct(payload, API_PATHS)}`;
}
