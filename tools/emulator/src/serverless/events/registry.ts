import type { ProductName } from '@callbridge/core';
import type { LoadedApp } from '../../app/load-app';

export const SETUP_EVENTS = ['onAppInstall', 'afterAppUpdate', 'onAppUninstall'] as const;

export function isSetupEvent(name: string): boolean {
  return (SETUP_EVENTS as readonly string[]).includes(name);
}

/** `generateTargetUrl()` works in onAppInstall, afterAppUpdate and product events, nowhere else. */
export function allowsTargetUrl(name: string): boolean {
  return name === 'onAppInstall' || name === 'afterAppUpdate' || (!isSetupEvent(name) && name !== 'onExternalEvent' && name !== 'onScheduledEvent');
}

/** Platform versions before 2.2 may register events in server.js (`exports.events`); later ones only in the manifest. */
function takesLegacyEvents(platformVersion: string | null): boolean {
  return platformVersion === null || Number.parseFloat(platformVersion) < 2.2;
}

/**
 * The events an app handles in one product, event name to handler: the manifest's `product.<p>.events`, plus for
 * 2.0/2.1 apps the `exports.events` array of server.js where the manifest names none.
 */
export function registeredEvents(app: LoadedApp, legacy: Readonly<Record<string, string>>, product: ProductName): Record<string, string> {
  const section = app.products[product];
  if (!section) return {};
  return takesLegacyEvents(app.platformVersion) ? { ...legacy, ...section.events } : { ...section.events };
}
