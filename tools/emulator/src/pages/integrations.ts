import type { ProductName } from '@callbridge/core';
import { ENTITY_PAGES, type EntityType, type PageState } from '../browser/page-state';
import { markup, type Markup } from './markup';
import { appFileUrl } from './site';

/**
 * The INTEGRATIONS column of a record page: the app's entity menu, minimized until clicked. The host page loads the
 * iframe on the first click and fires `app.activated` / `app.deactivated` as it opens and closes.
 */
export function integrationsSection(state: PageState, type: EntityType): Markup {
  const name = ENTITY_PAGES[type].placeholder;
  const placeholder = state.placeholders[name];
  const product: ProductName = state.product;
  return markup`<p class="section-label">Integrations</p>
  ${
    placeholder
      ? markup`<div class="fdk-panel" data-placeholder="${name}" data-url="${appFileUrl(product, placeholder.url)}" data-expanded="false">
      <button type="button" class="fdk-panel-toggle" aria-expanded="false" data-testid="panel-${name}">
        ${placeholder.icon ? markup`<img src="${appFileUrl(product, placeholder.icon)}" alt="">` : null}
        <span>${state.appName}</span><span class="chevron" aria-hidden="true">▾</span>
      </button>
      <div class="fdk-panel-body" hidden></div>
    </div>`
      : markup`<div class="card"><p class="empty">The app has no <code>${name}</code> placeholder in ${product}.</p></div>`
  }`;
}
