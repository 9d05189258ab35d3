import type { ProductName } from '@callbridge/core';
import { renderPage } from '../layout';
import { markup } from '../markup';
import { appProducts, pageState, PRODUCT_LABELS, type Site } from '../site';

/** Where the installation page's iframe points: the app's own iparams.html, or the form drawn from iparams.json. */
export function installFrameUrl(site: Site, product: ProductName): string | undefined {
  const page = site.context.app.installationPage;
  if (page === 'iparams.html') return `/_config/${product}/iparams.html`;
  if (page === 'iparams.json') return `/_fdk/${product}/iparams-form`;
  return undefined;
}

/** `/custom_configs?product=<p>`: install, edit settings (public values reopened, secure ones kept) and uninstall. */
export function installPage(site: Site, product: ProductName): Response {
  const { context } = site;
  const installation = context.installations.get(product);
  const products = appProducts(context);
  const frame = installFrameUrl(site, product);
  const account = context.store.account(product);
  const state = pageState(site, product, 'install', {
    install: {
      page: context.app.installationPage,
      installed: installation !== undefined,
      dataBind: { 'product.domain': account.domain, 'product.api_key': account.apiKey },
    },
  });
  const main = markup`<section class="card">
    <h2>${installation ? 'App settings' : 'Install the app'} in ${PRODUCT_LABELS[product]}</h2>
    <div class="body stack" style="display:flex;flex-direction:column;gap:12px">
      ${
        products.length > 1
          ? markup`<nav class="product-switcher" aria-label="Installation page of">${products.map(
              (p) => markup`<a href="/custom_configs?product=${p}" class="${p === product ? 'current' : ''}">${PRODUCT_LABELS[p]}</a>`,
            )}</nav>`
          : null
      }
      <div class="status ${installation ? 'ok' : ''}" id="fdk-install-status" data-testid="install-status">${installation ? `Installed ${installation.installedAt}.` : 'Not installed.'}</div>
      ${
        frame
          ? markup`<iframe class="install-frame" id="fdk-install-frame" src="${frame}" title="Installation page" data-fdk-location="installation"></iframe>`
          : markup`<p class="muted">This app has no installation parameters (no config/iparams.json or config/iparams.html).</p>`
      }
      <ul class="errors-list" id="fdk-install-errors" data-testid="install-errors"></ul>
      <div><button type="button" class="btn btn-primary" id="fdk-install" data-testid="install">${installation ? 'Save' : 'Install'}</button>
        <button type="button" class="btn btn-danger" id="fdk-uninstall" data-testid="uninstall" ${installation ? null : 'hidden'}>Uninstall</button></div>
    </div>
  </section>`;
  return renderPage(site, { state, title: 'Installation', main, switchTo: (p) => `/custom_configs?product=${p}` });
}
