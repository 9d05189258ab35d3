import type { ProductName } from '@callbridge/core';
import { clientScriptUrl } from '../browser/client/boot';

const APPCLIENT = /\{\{\{\s*appclient\s*\}\}\}/g;
/** Any version path: `https://static.freshdev.io/fdk/2.0/assets/fresh_client.js`, `//static.freshdev.io/...`. */
const FRESH_CLIENT = /(?:https?:)?\/\/static\.freshdev\.io\/fdk\/[^"'\s)]*fresh_client\.js/g;
/** The product stylesheets apps link (`freshworks_crm.css`, `freshworks.css`, `freshsales.css`). */
const PRODUCT_CSS = /(?:https?:)?\/\/static\.freshdev\.io\/fdk\/[^"'\s)]*\/assets\/[a-z_]+\.css/g;

export const PRODUCT_CSS_URL = '/_fdk/assets/freshworks.css';

/** Points an app's HTML at the emulator's client and stylesheet, so it runs unmodified and offline. */
export function rewriteTemplate(html: string, product: ProductName, installation = false): string {
  const client = clientScriptUrl(product, installation);
  return html.replace(APPCLIENT, client).replace(FRESH_CLIENT, client).replace(PRODUCT_CSS, PRODUCT_CSS_URL);
}
