import type { Backend } from '../host/backend';
import type { HostInstance, InstanceRegistry } from '../host/instances';
import type { Messenger } from '../host/messenger';
import type { PageState } from '../page-state';

/** What the host page's parts share: the page, its instances and the way to frame an app. */
export interface HostContext {
  state: PageState;
  instances: InstanceRegistry;
  messenger: Messenger;
  backend: Backend;
  /** Adds an app iframe to `container` and registers its instance. */
  frame(container: HTMLElement, url: string, spec: { location: string; parentId?: string; modalData?: unknown; title: string }): HostInstance;
  /** Removes an instance, the modals it opened and their iframes. */
  dispose(instance: HostInstance): void;
  notify(type: string, message: string, title?: string): void;
}

export function iframeOf(instance: HostInstance): HTMLIFrameElement | undefined {
  return instance.frame instanceof HTMLIFrameElement ? instance.frame : undefined;
}

export function createFrameFactory(get: () => Pick<HostContext, 'state' | 'instances'>): Pick<HostContext, 'frame' | 'dispose'> {
  return {
    frame(container, url, spec) {
      const { state, instances } = get();
      const iframe = document.createElement('iframe');
      iframe.title = spec.title;
      const instance = instances.add({
        location: spec.location,
        product: state.product,
        frame: iframe,
        ...(spec.parentId === undefined ? {} : { parentId: spec.parentId }),
        ...(spec.modalData === undefined ? {} : { modalData: spec.modalData }),
      });
      iframe.dataset.fdkInstance = instance.id;
      iframe.dataset.fdkLocation = spec.location;
      iframe.name = `fdk-${spec.location}-${instance.id}`;
      iframe.src = url;
      container.append(iframe);
      return instance;
    },
    dispose(instance) {
      for (const removed of get().instances.remove(instance.id)) {
        const iframe = iframeOf(removed);
        iframe?.closest('.fdk-overlay')?.remove();
        iframe?.remove();
      }
    },
  };
}
