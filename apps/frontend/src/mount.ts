import { createFdkHost, type HostPort, type PlatformApp } from '@callbridge/core';
import { setLanguage, t } from '@callbridge/ui';

/** What a placeholder's root element gets before it is connected. */
export interface Mounted {
  host: HostPort;
}

/**
 * Starts a placeholder or modal: connects to the platform, picks the rep's language, then renders `tag` inside the
 * style guide's `fs-widget-wrapper`. When the platform cannot be reached, the body says why.
 */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  setup: (element: HTMLElementTagNameMap[K], mounted: Mounted) => void,
  app: PlatformApp | undefined = (globalThis as { app?: PlatformApp }).app,
): Promise<HTMLElementTagNameMap[K] | undefined> {
  const wrapper = document.createElement('div');
  wrapper.className = 'fs-widget-wrapper';
  document.body.replaceChildren(wrapper);
  let mounted: Mounted;
  try {
    mounted = { host: await createFdkHost(app) };
  } catch (error) {
    wrapper.setAttribute('role', 'alert');
    wrapper.textContent = t('error.start', { reason: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
  setLanguage((await mounted.host.user().catch(() => undefined))?.language);
  const element = document.createElement(tag);
  setup(element, mounted);
  wrapper.append(element);
  return element;
}
