import { createFdkHost, type HostPort, type PlatformApp } from '@callbridge/core';
import { setLanguage, t } from '@callbridge/ui';
import type { ReactiveElement } from 'lit';
import { translationFor } from './translations';

/** What a placeholder's root element gets before it is connected. */
export interface Mounted {
  host: HostPort;
}

/**
 * Starts a placeholder or modal: connects to the platform, then renders `tag` inside the style guide's
 * `fs-widget-wrapper`, in the rep's language. When the platform cannot be reached, the body says why.
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
  const element = document.createElement(tag);
  setup(element, mounted);
  // The element starts at once (it hears the platform's events and asks for its data) while the rep's language is
  // read, and shows once it speaks it.
  wrapper.hidden = true;
  wrapper.append(element);
  const language = (await mounted.host.user().catch(() => undefined))?.language;
  setLanguage(language, await translationFor(language));
  renderAgain(element);
  wrapper.hidden = false;
  return element;
}

/** Renders `root` and every Lit element in its shadow tree again (in the language just chosen). */
function renderAgain(root: Element): void {
  (root as Partial<ReactiveElement>).requestUpdate?.();
  for (const child of [...root.children, ...(root.shadowRoot?.children ?? [])]) renderAgain(child);
}
