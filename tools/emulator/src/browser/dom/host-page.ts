import { createBackend } from '../host/backend';
import { createDispatcher, type HostUi } from '../host/dispatch';
import type { HostInstance } from '../host/instances';
import { InstanceRegistry } from '../host/instances';
import { createMessenger, type Messenger } from '../host/messenger';
import { ENTITY_PAGES, type EntityType, type PageState } from '../page-state';
import { DockedApp } from './dock';
import { createFrameFactory, iframeOf, type HostContext } from './host-context';
import { fetchPage, isAnchorOnly, type FetchedPage } from './navigation';
import { openConfirm, openCreateForm, openModal, showToast } from './overlays';
import { EntityPanel, FullPageApp } from './panels';

/**
 * The emulated product page around the app: it frames placeholders, answers their client calls, fires lifecycle
 * events, and moves between records in place (as the real single-page product does), so apps and docked phone apps
 * stay alive.
 */
export class HostPage implements HostContext {
  readonly instances = new InstanceRegistry();
  readonly backend = createBackend((input, init) => fetch(input, init));
  readonly messenger: Messenger;
  private panels: EntityPanel[] = [];
  private fullPage: FullPageApp | undefined;
  readonly docks: Map<string, DockedApp>;
  private readonly factory = createFrameFactory(() => this);

  constructor(public state: PageState) {
    const ui: HostUi = {
      openModal: (opener, kind, args) => void openModal(this, opener, kind, args),
      confirm: (args) => openConfirm(args),
      notify: (args) => showToast(args.type, args.message, args.title),
      openCreateForm: (id) => openCreateForm(this, id, (url) => this.navigate(url)),
      showRecord: (type, id) => this.showRecord(type, id),
      showPhone: () => this.docks.get('left_nav_cti')!.show(),
      hidePhone: () => this.docks.get('left_nav_cti')!.hide(),
      resize: (instance, height) => {
        const iframe = iframeOf(instance);
        if (iframe) iframe.style.height = `${height}px`;
      },
      close: (instance) => this.close(instance),
    };
    const dispatch = createDispatcher({
      page: () => this.state,
      instances: this.instances,
      ui,
      backend: this.backend,
      deliver: (instance, name, data) => this.messenger.fire(instance, name, data),
      ...(state.install ? { dataBind: state.install.dataBind } : {}),
    });
    this.messenger = createMessenger({ self: window, origin: location.origin, instances: this.instances, dispatch, debug: (line) => console.debug(`fdk emulator: ${line}`) });
    this.docks = new Map(['left_nav_cti', 'left_nav_chat'].map((name) => [name, new DockedApp(this, name)]));
  }

  frame: HostContext['frame'] = (container, url, spec) => this.factory.frame(container, url, spec);
  dispose: HostContext['dispose'] = (instance) => this.factory.dispose(instance);
  notify(type: string, message: string, title?: string): void {
    showToast(type, message, title);
  }

  start(): void {
    this.bindView();
    for (const dock of this.docks.values()) dock.restore();
    if (this.state.openPhone && !this.docks.get('left_nav_cti')!.show()) this.notify('warning', `The app has no left_nav_cti placeholder in ${this.state.product}.`);
    document.addEventListener('click', (event) => this.onClick(event));
    document.addEventListener('submit', (event) => this.onSubmit(event));
    window.addEventListener('popstate', () => void this.navigate(location.href, false));
    // Best effort: the page is going away, and the panel should open again on the next page.
    window.addEventListener('pagehide', () => {
      for (const panel of this.panels) void panel.deactivateForNavigation();
    });
  }

  /** Binds the panels and the full-page app of the current view. */
  private bindView(): void {
    this.panels = [...document.querySelectorAll<HTMLElement>('#crm-integrations .fdk-panel')].map((element) => new EntityPanel(this, element));
    const full = document.querySelector<HTMLElement>('.fdk-full-page');
    this.fullPage = full ? new FullPageApp(this, full) : undefined;
  }

  private close(instance: HostInstance): void {
    if (instance.location === 'modal') this.dispose(instance);
    else if (this.docks.has(instance.location)) this.docks.get(instance.location)!.hide();
    else void this.panels.find((panel) => panel.instance === instance)?.collapse();
  }

  private async showRecord(type: EntityType, id: number): Promise<boolean> {
    const page = await fetchPage(`/${this.state.product}/${ENTITY_PAGES[type].segment}/${id}`);
    if (!page || page.status === 404) return false;
    await this.swap(page, true);
    return true;
  }

  /** Moves to another page in place; a page of another product (or the installation page) loads normally. */
  async navigate(url: string, push = true): Promise<void> {
    const target = new URL(url, location.href);
    if (isAnchorOnly(target)) {
      if (push) history.pushState(null, '', target.href);
      document.getElementById(target.hash.slice(1))?.scrollIntoView();
      return;
    }
    const page = target.origin === location.origin ? await fetchPage(target.href) : undefined;
    if (!page || page.state.product !== this.state.product || page.state.view === 'install' || this.state.view === 'install') {
      location.assign(target.href);
      return;
    }
    await this.swap(page, push, target.hash);
  }

  private async swap(page: FetchedPage, push: boolean, hash = ''): Promise<void> {
    const previous = this.state;
    const next = page.state;
    const sameKind = previous.view === 'record' && next.view === 'record' && previous.entityType === next.entityType;
    for (const modal of this.instances.list().filter((instance) => instance.location === 'modal')) this.dispose(modal);
    if (sameKind) {
      await Promise.all(this.panels.map((panel) => panel.deactivateForNavigation()));
      document.getElementById('crm-main')!.replaceWith(page.doc.getElementById('crm-main')!);
    } else {
      await Promise.all([...this.panels.map((panel) => panel.leave()), this.fullPage?.leave()]);
      document.getElementById('crm-view')!.replaceWith(page.doc.getElementById('crm-view')!);
    }
    this.state = next;
    document.title = page.doc.title;
    if (push) history.pushState(null, '', page.url + hash);
    if (sameKind) for (const panel of this.panels) panel.activateAfterNavigation();
    else this.bindView();
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
    else window.scrollTo(0, 0);
  }

  /** A record changed (the live channel said so): apps on its page hear `<entity>.update`, and the page redraws. */
  async recordChanged(change: { product: string; entity: string; id: number; action: string }): Promise<void> {
    const { state } = this;
    if (state.view !== 'record' || !state.entityType || change.product !== state.product) return;
    const page = ENTITY_PAGES[state.entityType];
    if (change.entity !== page.segment || change.id !== state.recordId) return;
    const payload = { currentEntityId: change.id, currentEntityType: state.entityType, action: change.action };
    for (const panel of this.panels) if (panel.instance?.ready) void this.messenger.fire(panel.instance, page.updateEvent, payload);
    const fresh = await fetchPage(location.href);
    if (fresh?.state.view === 'record' && fresh.state.recordId === state.recordId) {
      document.getElementById('crm-main')!.replaceWith(fresh.doc.getElementById('crm-main')!);
    } else if (fresh) {
      await this.swap(fresh, false);
    }
  }

  private onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const target = event.target instanceof Element ? event.target : null;
    const call = target?.closest<HTMLElement>('[data-fdk-call]');
    if (call) {
      event.preventDefault();
      if (!this.docks.get('left_nav_cti')!.call(call.dataset.fdkCall!)) {
        this.notify('info', `The app has no left_nav_cti placeholder in ${this.state.product}; the product would dial ${call.dataset.fdkCall} itself.`);
      }
      return;
    }
    const dock = target?.closest<HTMLElement>('[data-fdk-dock]');
    if (dock) {
      this.docks.get(dock.dataset.fdkDock!)?.toggle();
      return;
    }
    const link = target?.closest<HTMLAnchorElement>('a[data-spa]');
    if (link) {
      event.preventDefault();
      void this.navigate(link.href);
    }
  }

  private onSubmit(event: SubmitEvent): void {
    const form = event.target instanceof HTMLFormElement ? event.target : null;
    if (!form?.matches('[data-fdk-edit]')) return;
    event.preventDefault();
    // The store reports the change on the live channel; the page redraws and apps hear `*.update` from there.
    void fetch(form.action, { method: 'POST', body: new FormData(form) }).then((response) =>
      this.notify(response.ok ? 'success' : 'danger', response.ok ? 'Saved.' : `Could not save (HTTP ${response.status}).`),
    );
  }
}
