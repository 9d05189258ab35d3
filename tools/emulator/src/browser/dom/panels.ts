import type { HostInstance } from '../host/instances';
import type { HostContext } from './host-context';

const storageKey = (product: string, placeholder: string) => `fdk-emulator:panel:${product}:${placeholder}`;

/**
 * An entity menu in the INTEGRATIONS column: minimized until clicked. The first click loads the app; every open fires
 * `app.activated` and every close `app.deactivated`. Whether it was open is remembered for the next page.
 */
export class EntityPanel {
  readonly placeholder: string;
  private readonly url: string;
  private readonly toggle: HTMLButtonElement;
  private readonly body: HTMLElement;
  expanded = false;
  instance: HostInstance | undefined;

  constructor(
    private readonly host: HostContext,
    readonly element: HTMLElement,
  ) {
    this.placeholder = element.dataset.placeholder!;
    this.url = element.dataset.url!;
    this.toggle = element.querySelector<HTMLButtonElement>('.fdk-panel-toggle')!;
    this.body = element.querySelector<HTMLElement>('.fdk-panel-body')!;
    this.toggle.addEventListener('click', () => {
      if (this.expanded) void this.collapse();
      else this.expand();
    });
    if (sessionStorage.getItem(storageKey(host.state.product, this.placeholder)) === 'open') this.expand();
  }

  expand(): void {
    if (this.expanded) return;
    this.show(true);
    if (!this.instance) this.instance = this.host.frame(this.body, this.url, { location: this.placeholder, title: `${this.host.state.appName} (${this.placeholder})` });
    void this.host.messenger.fire(this.instance, 'app.activated');
  }

  collapse(): Promise<void> {
    if (!this.expanded) return Promise.resolve();
    this.show(false);
    return this.instance ? this.host.messenger.fire(this.instance, 'app.deactivated') : Promise.resolve();
  }

  /** Navigation to another record of the same kind: the app stays, and hears deactivated, then activated. */
  async deactivateForNavigation(): Promise<void> {
    if (this.expanded && this.instance) await this.host.messenger.fire(this.instance, 'app.deactivated');
  }

  activateAfterNavigation(): void {
    if (this.expanded && this.instance) void this.host.messenger.fire(this.instance, 'app.activated');
  }

  /** Leaving for a page without this placeholder. */
  async leave(): Promise<void> {
    await this.deactivateForNavigation();
    if (this.instance) this.host.dispose(this.instance);
    this.instance = undefined;
  }

  private show(open: boolean): void {
    this.expanded = open;
    this.element.dataset.expanded = String(open);
    this.toggle.setAttribute('aria-expanded', String(open));
    this.body.hidden = !open;
    sessionStorage.setItem(storageKey(this.host.state.product, this.placeholder), open ? 'open' : 'closed');
  }
}

/** The full-page app: loaded and activated with its page, deactivated when the page is left. */
export class FullPageApp {
  instance: HostInstance;

  constructor(
    private readonly host: HostContext,
    element: HTMLElement,
  ) {
    this.instance = host.frame(element, element.dataset.url!, { location: 'full_page_app', title: `${host.state.appName} (full page)` });
    void host.messenger.fire(this.instance, 'app.activated');
  }

  async leave(): Promise<void> {
    await this.host.messenger.fire(this.instance, 'app.deactivated');
    this.host.dispose(this.instance);
  }
}
