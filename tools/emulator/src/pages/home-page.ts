import type { ProductName } from '@callbridge/core';
import { ENTITY_PAGES, ENTITY_TYPES, type EntityType, type PageState } from '../browser/page-state';
import { findingsCard } from './findings';
import { renderPage } from './layout';
import { markup, type Markup } from './markup';
import { phoneNumbers, recordName } from './records';
import { PRODUCT_LABELS, pageState, placeholdersOf, type Site } from './site';

/** Entity types a product has record pages for. */
export function entityTypesOf(product: ProductName): EntityType[] {
  return ENTITY_TYPES.filter((type) => type !== 'lead' || product === 'freshsales');
}

function recordTable(site: Site, product: ProductName, type: EntityType): Markup {
  const page = ENTITY_PAGES[type];
  const records = site.context.store.list(product, page.segment);
  return markup`<section class="card" id="${page.segment}">
    <h2>${page.plural} <span class="muted">(${records.length})</span></h2>
    ${
      records.length
        ? markup`<table class="records"><thead><tr><th>Name</th><th>Email</th><th>Phone</th></tr></thead><tbody>
        ${records.map(
          (record) => markup`<tr>
            <td><a href="/${product}/${page.segment}/${record.id}" data-spa>${recordName(record)}</a></td>
            <td>${typeof record.email === 'string' ? record.email : null}</td>
            <td>${phoneNumbers(record)[0] ?? null}</td></tr>`,
        )}</tbody></table>`
        : markup`<p class="empty">No ${page.plural.toLowerCase()}.</p>`
    }
  </section>`;
}

function appCard(site: Site, product: ProductName): Markup {
  const { context } = site;
  const placeholders = Object.entries(placeholdersOf(context, product));
  const installation = context.installations.get(product);
  const where = (name: string): Markup => {
    const type = ENTITY_TYPES.find((t) => ENTITY_PAGES[t].placeholder === name);
    if (type) {
      const first = context.store.list(product, ENTITY_PAGES[type].segment)[0];
      return first ? markup`<a href="/${product}/${ENTITY_PAGES[type].segment}/${first.id}" data-spa>on ${recordName(first)}</a>` : markup`on ${type} pages`;
    }
    if (name === 'full_page_app') return markup`<a href="/${product}/apps/full_page_app" data-spa>open</a>`;
    if (name === 'left_nav_cti') return markup`<a href="/${product}/phone">open the phone panel</a>`;
    return markup`in the left navigation`;
  };
  return markup`<section class="card" id="app">
    <h2>${site.context.app.platformVersion ? markup`Platform ${site.context.app.platformVersion} app` : 'App'} in ${PRODUCT_LABELS[product]}</h2>
    <div class="body">
      ${
        placeholders.length
          ? markup`<ul>${placeholders.map(([name, p]) => markup`<li><code>${name}</code> (${p.url}): ${where(name)}</li>`)}</ul>`
          : markup`<p class="muted">No placeholders in ${product}: a serverless-only app here.</p>`
      }
      <p>${
        installation
          ? markup`Installed ${installation.installedAt}. <a href="/custom_configs?product=${product}">Settings</a>`
          : markup`Not installed. <a href="/custom_configs?product=${product}">Install it</a>`
      }</p>
    </div>
  </section>`;
}

/** `/` and `/<product>`: the app's problems, where it shows up, and the seeded records to open. */
export function homePage(site: Site, product: ProductName, extra: Partial<PageState> = {}): Response {
  const main = markup`${findingsCard(site.context)}${appCard(site, product)}${entityTypesOf(product).map((type) => recordTable(site, product, type))}`;
  return renderPage(site, { state: pageState(site, product, 'home', extra), title: extra.openPhone ? 'Phone' : 'Home', main });
}
