import type { ProductName } from '@callbridge/core';
import type { DbCall } from '../db/db-service';
import type { RequestSuccess } from '../requests/request-error';

/** What server.js's globals call into; each may throw a PlatformFailure or a RequestFailure. */
export interface PlatformServices {
  db(product: ProductName, call: DbCall): unknown;
  schedule: {
    create(product: ProductName, definition: unknown): unknown;
    update(product: ProductName, definition: unknown): unknown;
    fetch(product: ProductName, args: unknown): unknown;
    delete(product: ProductName, args: unknown): unknown;
  };
  request: {
    freeForm(product: ProductName, method: string, url: unknown, options: unknown): Promise<RequestSuccess>;
    invokeTemplate(product: ProductName, name: unknown, options: unknown): Promise<RequestSuccess>;
  };
  /** The installation's external-event URL, made on first use. */
  targetUrl(product: ProductName): Promise<string>;
}
