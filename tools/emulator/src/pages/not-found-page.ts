import type { ProductName } from '@callbridge/core';
import { renderPage } from './layout';
import { markup } from './markup';
import { pageState, type Site } from './site';

export function notFoundPage(site: Site, product: ProductName, what: string): Response {
  const main = markup`<section class="card"><h2>Not found</h2><div class="body"><p>${what}</p><p><a href="/${product}" data-spa>Back to the records</a></p></div></section>`;
  return renderPage(site, { state: pageState(site, product, 'not_found'), title: 'Not found', main, status: 404 });
}
