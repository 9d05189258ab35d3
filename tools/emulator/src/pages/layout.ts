import { PRODUCTS, type ProductName } from '@callbridge/core';
import { ENTITY_PAGES, PAGE_STATE_ID, type PageState } from '../browser/page-state';
import { html } from '../http/router';
import { jsonScript, markup, type Markup } from './markup';
import { appFileUrl, appProducts, PRODUCT_LABELS, type Site } from './site';

export interface PageInput {
  state: PageState;
  title: string;
  main: Markup;
  /** The INTEGRATIONS column of record pages. */
  aside?: Markup;
  /** Where the product switcher leads, per product; each product's home by default. */
  switchTo?: (product: ProductName) => string;
  status?: number;
}

function leftNav(state: PageState): Markup {
  const { product, placeholders } = state;
  const icon = (name: string, fallback: string) => {
    const path = placeholders[name]?.icon;
    return path ? markup`<img src="${appFileUrl(product, path)}" alt="">` : fallback;
  };
  const lists = (['contact', 'deal', 'sales_account', 'lead'] as const).filter((type) => type !== 'lead' || product === 'freshsales');
  return markup`<nav class="crm-leftnav" aria-label="Product navigation">
    <a href="/${product}" data-spa title="Home">Home</a>
    ${lists.map((type) => markup`<a href="/${product}#${ENTITY_PAGES[type].segment}" data-spa title="${ENTITY_PAGES[type].plural}">${type === 'sales_account' ? 'Accounts' : ENTITY_PAGES[type].plural}</a>`)}
    ${placeholders.full_page_app ? markup`<a href="/${product}/apps/full_page_app" data-spa title="Full-page app" data-testid="nav-full-page">${icon('full_page_app', 'App')}</a>` : null}
    <span class="spacer"></span>
    ${placeholders.left_nav_chat ? markup`<button type="button" data-fdk-dock="left_nav_chat" title="Chat app">${icon('left_nav_chat', 'Chat')}</button>` : null}
    ${placeholders.left_nav_cti ? markup`<button type="button" data-fdk-dock="left_nav_cti" title="Phone app" data-testid="nav-phone">${icon('left_nav_cti', 'Phone')}</button>` : null}
    <a href="/custom_configs?product=${product}" title="App settings (installation page)">Setup</a>
  </nav>`;
}

function banner(site: Site, state: PageState): Markup | null {
  const count = site.context.findings.errors.length + site.context.app.problems.length;
  if (count === 0 || state.view === 'home') return null;
  return markup`<div class="banner" role="alert">This app has ${count} ${count === 1 ? 'problem' : 'problems'}: see <a href="/${state.product}">the home page</a>.</div>`;
}

/** Every page: the product's frame (left navigation, top bar, product switcher), the page state and the host script. */
export function renderPage(site: Site, input: PageInput): Response {
  const { state } = input;
  const listed = appProducts(site.context);
  const switchTo = input.switchTo ?? ((product: ProductName) => `/${product}`);
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · ${PRODUCT_LABELS[state.product]} (emulator)</title>
<link rel="stylesheet" href="/_fdk/emulator.css">
</head>
<body>
<div class="crm-shell">
  ${leftNav(state)}
  <div class="crm-body">
    <header class="crm-topbar">
      <span class="brand">${PRODUCT_LABELS[state.product]}<small>emulator · ${state.appName}</small></span>
      <span class="grow"></span>
      <a href="/web/test" title="Simulate product events (serverless)">Simulate events</a>
      <a href="/_emulator/phone" title="The emulated phone system">Phone system</a>
      <nav class="product-switcher" aria-label="Product">
        ${PRODUCTS.map((product) => {
          const classes = [product === state.product ? 'current' : '', listed.includes(product) ? '' : 'unused'].join(' ').trim();
          const title = listed.includes(product) ? PRODUCT_LABELS[product] : `${PRODUCT_LABELS[product]}: this app's manifest does not list ${product}`;
          return markup`<a href="${switchTo(product)}" class="${classes}" title="${title}" data-product="${product}">${PRODUCT_LABELS[product]}</a>`;
        })}
      </nav>
    </header>
    ${banner(site, state)}
    <div id="crm-view" data-view="${state.view}">
      <main id="crm-main">${input.main}</main>
      ${input.aside ? markup`<aside id="crm-integrations" aria-label="Integrations">${input.aside}</aside>` : null}
    </div>
  </div>
</div>
<div id="fdk-overlays"></div>
${jsonScript(PAGE_STATE_ID, state)}
<script src="/_fdk/host.js"></script>
</body>
</html>`;
  return html(page.html, input.status ?? 200);
}
