import type { ProductName } from '@callbridge/core';
import { platformError, raise } from '../platform-error';

export function appUrl(product: ProductName, path: string): string {
  return `/_app/${product}/${path.replace(/^\.?\//, '')}`;
}

/** A modal's template, relative to `app/` as apps write it (`modal.html`, `./views/modal.html`); never another site. */
export function templateUrl(product: ProductName, template: string, origin: string): string {
  const base = `${origin}/_app/${product}/`;
  const url = new URL(template.replace(/^\/+/, ''), base);
  if (url.origin !== origin || !url.pathname.startsWith(`/_app/${product}/`)) {
    raise(platformError(400, `showModal: template "${template}" must be a file of the app's app/ folder.`));
  }
  return `${url.pathname}${url.search}`;
}
