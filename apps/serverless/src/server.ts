import { isProductName } from '@callbridge/core';

declare function renderData(error?: { status: number; message: string } | null, data?: unknown): void;

interface SetupPayload {
  productContext?: { name?: unknown };
}

/** Installation succeeds only for the products this app is built for. */
export function onAppInstall(payload: SetupPayload): void {
  const product = payload.productContext?.name;
  if (!isProductName(product)) {
    renderData({ status: 400, message: `Callbridge cannot be installed in product "${String(product)}".` });
    return;
  }
  renderData(null, {});
}

/** Uninstalling is never blocked. */
export function onAppUninstall(_payload: SetupPayload): void {
  renderData(null, {});
}
