import type { ProductName } from '@callbridge/core';
import type { StoredRecord } from '../crm/types';
import { ENTITY_PAGES, type EntityType } from '../browser/page-state';
import { integrationsSection } from './integrations';
import { renderPage } from './layout';
import { asText, markup, type Markup } from './markup';
import { notFoundPage } from './not-found-page';
import { initials, PHONE_FIELDS, recordName } from './records';
import { pageState, type Site } from './site';

const HIDDEN = new Set(['id']);
const READ_ONLY = new Set(['id', 'created_at', 'updated_at']);

function value(field: string, raw: unknown): Markup | string {
  if (raw === null || raw === undefined || raw === '') return markup`<span class="muted">—</span>`;
  if (PHONE_FIELDS.includes(field) && typeof raw === 'string') {
    return markup`<a href="tel:${raw}" data-fdk-call="${raw}" title="Call with the phone app">${raw}</a>`;
  }
  return asText(raw);
}

function link(product: ProductName, type: EntityType, record: StoredRecord | undefined): Markup | null {
  return record ? markup`<a href="/${product}/${ENTITY_PAGES[type].segment}/${record.id}" data-spa>${recordName(record)}</a>` : null;
}

function related(site: Site, product: ProductName, type: EntityType, record: StoredRecord): Markup {
  const { store } = site.context;
  const account = typeof record.sales_account_id === 'number' ? store.get(product, 'sales_accounts', record.sales_account_id) : undefined;
  const deals = store.list(product, 'deals');
  const contacts = store.list(product, 'contacts');
  const items: [string, Markup[]][] = [];
  if (account) items.push(['Sales account', [link(product, 'sales_account', account)!]]);
  if (type === 'contact') items.push(['Deals', deals.filter((d) => (d.contact_ids as number[] | undefined)?.includes(record.id)).map((d) => link(product, 'deal', d)!)]);
  if (type === 'deal') {
    const ids = (record.contact_ids as number[] | undefined) ?? [];
    items.push(['Contacts', contacts.filter((c) => ids.includes(c.id)).map((c) => link(product, 'contact', c)!)]);
  }
  if (type === 'sales_account') {
    items.push(['Contacts', contacts.filter((c) => c.sales_account_id === record.id).map((c) => link(product, 'contact', c)!)]);
    items.push(['Deals', deals.filter((d) => d.sales_account_id === record.id).map((d) => link(product, 'deal', d)!)]);
  }
  const calls = store.list(product, 'phone_calls').filter((call) => call.targetable_id === record.id && call.targetable_type === ENTITY_PAGES[type].label);
  return markup`<section class="card"><h2>Related</h2><div class="body"><dl class="fields">
    ${items.map(([label, links]) => markup`<dt>${label}</dt><dd>${links.length ? links.map((l, i) => markup`${i ? ', ' : ''}${l}`) : markup`<span class="muted">none</span>`}</dd>`)}
    <dt>Phone calls</dt><dd>${calls.length ? calls.map((c) => markup`<div>${asText(c.created_at)} · ${asText(c.outcome)} · ${asText(c.call_duration ?? 0)}s</div>`) : markup`<span class="muted">none</span>`}</dd>
  </dl></div></section>`;
}

function editForm(product: ProductName, type: EntityType, record: StoredRecord): Markup {
  const fields = Object.entries(record).filter(([field, raw]) => !READ_ONLY.has(field) && !field.endsWith('_id') && (typeof raw === 'string' || typeof raw === 'number' || raw === null));
  return markup`<section class="card"><details><summary style="padding:12px 16px;cursor:pointer;font-weight:600">Edit ${ENTITY_PAGES[type].label.toLowerCase()}</summary>
    <form class="stack body" method="post" action="/${product}/${ENTITY_PAGES[type].segment}/${record.id}" data-fdk-edit>
      ${fields.map(
        ([field, raw]) => markup`<div class="field"><label for="edit-${field}">${field}</label>
        <input type="${typeof raw === 'number' ? 'number' : 'text'}" id="edit-${field}" name="${field}" value="${asText(raw)}"></div>`,
      )}
      <div><button class="btn btn-primary" type="submit">Save</button> <span class="muted">Saving fires ${ENTITY_PAGES[type].updateEvent} in open apps and the product event on the server.</span></div>
    </form></details></section>`;
}

/** `/<product>/<contacts|deals|sales_accounts|leads>/:id`: the record, with the app's entity menu in INTEGRATIONS. */
export function recordPage(site: Site, product: ProductName, type: EntityType, rawId: string): Response {
  const page = ENTITY_PAGES[type];
  if (type === 'lead' && product !== 'freshsales') return notFoundPage(site, product, 'Leads exist only in Freshsales Classic (freshsales).');
  const id = /^\d+$/.test(rawId) ? Number(rawId) : NaN;
  const record = Number.isSafeInteger(id) ? site.context.store.get(product, page.segment, id) : undefined;
  if (!record) return notFoundPage(site, product, `There is no ${page.label.toLowerCase()} ${rawId} in ${product}.`);

  const all = site.context.store.list(product, page.segment);
  const at = all.findIndex((r) => r.id === record.id);
  const [previous, next] = [all[at - 1], all[at + 1]];
  const name = recordName(record);
  const state = pageState(site, product, 'record', { entityType: type, recordId: record.id });
  const main = markup`<section class="card"><header class="record-title">
      <span class="avatar">${initials(name)}</span>
      <div><div class="muted">${page.label}</div><h1 data-testid="record-name">${name}</h1></div>
      <nav class="pager">
        ${previous ? markup`<a href="/${product}/${page.segment}/${previous.id}" data-spa data-testid="previous">‹ ${recordName(previous)}</a>` : null}
        ${next ? markup`<a href="/${product}/${page.segment}/${next.id}" data-spa data-testid="next">${recordName(next)} ›</a>` : null}
      </nav></header>
      <div class="body"><dl class="fields">
        ${Object.entries(record)
          .filter(([field]) => !HIDDEN.has(field))
          .map(([field, raw]) => markup`<dt>${field}</dt><dd data-field="${field}">${value(field, raw)}</dd>`)}
      </dl></div></section>
    ${related(site, product, type, record)}
    ${editForm(product, type, record)}`;
  const other = (p: ProductName) => (site.context.store.get(p, page.segment, record.id) ? `/${p}/${page.segment}/${record.id}` : `/${p}`);
  return renderPage(site, { state, title: name, main, aside: integrationsSection(state, type), switchTo: other });
}
