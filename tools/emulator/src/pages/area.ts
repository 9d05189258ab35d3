import { join } from 'node:path';
import { isProductName, PRODUCTS, type ProductName } from '@callbridge/core';
import type { Area } from '../context';
import { ENTITY_PAGES, ENTITY_TYPES } from '../browser/page-state';
import { json } from '../http/router';
import { serveFile } from './app-files';
import { browserBundles } from './bundles';
import { handleData } from './data-api';
import { fullPageAppPage } from './full-page';
import { homePage } from './home-page';
import { handleInstall, handleIparams, handleUninstall } from './install/install-api';
import { installPage } from './install/install-page';
import { iparamsFormPage } from './install/iparams-form-page';
import { LiveHub } from './live';
import { notFoundPage } from './not-found-page';
import { createFromForm, updateFromForm } from './record-forms';
import { recordPage } from './record-page';
import { rewriteTemplate } from './rewrite-template';
import { defaultProduct, type Site } from './site';
import { PAGE_CSS, PRODUCT_CSS } from './styles';

const script = (source: string) => new Response(source, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' } });
const css = (source: string) => new Response(source, { headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * Everything the browser sees: the product's pages with the app's placeholders in their spots, the app's files, the
 * client and host scripts, the installation page and the live-reload channel. Every URL is listed in the README.
 */
export const pagesArea: Area = async (context) => {
  const bundles = await browserBundles();
  const live = new LiveHub();
  const site: Site = { context, live };
  const { router } = context;
  context.onAppReloaded(() => live.publish('reload'));
  const stopWatching = context.store.onChange((change) =>
    live.publish('record', { product: change.product, entity: change.entity, id: change.record.id, action: change.action }),
  );
  context.onClose(() => {
    stopWatching();
    live.close();
  });

  router.get('/_fdk/client.js', () => script(bundles.client));
  router.get('/_fdk/:product/client.js', () => script(bundles.client));
  router.get('/_fdk/:product/install/client.js', () => script(bundles.client));
  router.get('/_fdk/host.js', () => script(bundles.host));
  router.get('/_fdk/iparams-form.js', () => script(bundles['iparams-form']));
  router.get('/_fdk/emulator.css', () => css(PAGE_CSS));
  router.get('/_fdk/assets/freshworks.css', () => css(PRODUCT_CSS));
  router.get('/_fdk/live', (request) => live.handle(request));

  router.post('/_fdk/api/data', (request) => handleData(context, request));
  router.get('/_fdk/api/iparams', (request) => handleIparams(site, request));
  router.post('/_fdk/install', (request) => handleInstall(site, request));
  router.post('/_fdk/uninstall', (request) => handleUninstall(site, request));

  router.get('/_app/:product/*path', (_request, { product, path }) =>
    isProductName(product) ? serveFile(join(context.appDir, 'app'), path!, (html) => rewriteTemplate(html, product)) : json({ message: `Unknown product ${product}` }, 404),
  );
  router.get('/_config/:product/*path', (_request, { product, path }) => {
    if (!isProductName(product)) return json({ message: `Unknown product ${product}` }, 404);
    if (path !== 'iparams.html' && !path!.startsWith('assets/')) return json({ message: 'Only config/iparams.html and config/assets/ are served.' }, 404);
    return serveFile(join(context.appDir, 'config'), path!, (html) => rewriteTemplate(html, product, true));
  });

  router.get('/custom_configs', (request) => {
    const asked = new URL(request.url).searchParams.get('product');
    if (asked !== null && !isProductName(asked)) return notFoundPage(site, defaultProduct(context), `Unknown product "${asked}": use freshworks_crm or freshsales.`);
    return installPage(site, asked ?? defaultProduct(context));
  });
  router.get('/', () => homePage(site, defaultProduct(context)));

  for (const product of PRODUCTS as readonly ProductName[]) {
    router.get(`/${product}`, () => homePage(site, product));
    router.get(`/${product}/phone`, () => homePage(site, product, { openPhone: true }));
    router.get(`/${product}/apps/full_page_app`, () => fullPageAppPage(site, product));
    router.get(`/_fdk/${product}/iparams-form`, () => iparamsFormPage(site, product));
    router.post(`/${product}/phone_calls`, (request) => createFromForm(site, product, 'phone_calls', request));
    for (const type of ENTITY_TYPES) {
      const { segment } = ENTITY_PAGES[type];
      router.get(`/${product}/${segment}/:id`, (_request, { id }) => recordPage(site, product, type, id!));
      router.post(`/${product}/${segment}/:id`, (request, { id }) => updateFromForm(site, product, type, id!, request));
      router.post(`/${product}/${segment}`, (request) => createFromForm(site, product, segment, request));
    }
  }
};
