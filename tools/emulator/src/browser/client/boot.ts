import { isProductName, type ProductName } from '@callbridge/core';

export interface ClientBoot {
  product: ProductName;
  /** Loaded by an installation page: `client` is a global there, and `data-bind` inputs are filled. */
  installation: boolean;
}

const SCRIPT_PATH = /\/_fdk\/([a-z_]+)\/(install\/)?client\.js$/;

/** The emulator serves the client at `/_fdk/<product>/client.js` (or `.../install/client.js`), so it knows both at once. */
export function clientScriptUrl(product: ProductName, installation = false): string {
  return `/_fdk/${product}/${installation ? 'install/' : ''}client.js`;
}

export function bootFromScriptUrl(src: string | null | undefined): ClientBoot | undefined {
  if (!src) return undefined;
  let pathname: string;
  try {
    pathname = new URL(src, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
  const match = SCRIPT_PATH.exec(pathname);
  if (!match || !isProductName(match[1])) return undefined;
  return { product: match[1], installation: match[2] !== undefined };
}
