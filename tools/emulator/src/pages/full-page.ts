import type { ProductName } from '@callbridge/core';
import { renderPage } from './layout';
import { markup } from './markup';
import { appFileUrl, pageState, placeholdersOf, type Site } from './site';

/** `/<product>/apps/full_page_app`: the app fills the page, as when it is opened from the left navigation. */
export function fullPageAppPage(site: Site, product: ProductName): Response {
  const placeholder = placeholdersOf(site.context, product).full_page_app;
  const main = placeholder
    ? markup`<div class="fdk-full-page" data-placeholder="full_page_app" data-url="${appFileUrl(product, placeholder.url)}"></div>`
    : markup`<section class="card"><p class="empty">The app has no <code>full_page_app</code> placeholder in ${product}.</p></section>`;
  return renderPage(site, { state: pageState(site, product, 'full_page'), title: 'Full-page app', main, status: placeholder ? 200 : 404 });
}
