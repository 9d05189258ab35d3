import type { HostInstance } from '../host/instances';
import { appUrl } from '../host/urls';
import type { HostContext } from './host-context';

const LABELS: Record<string, string> = { left_nav_cti: 'Phone', left_nav_chat: 'Chat' };
const storageKey = (product: string, placeholder: string) => `fdk-emulator:dock:${product}:${placeholder}`;

/**
 * A background app of the left navigation (`left_nav_cti`, `left_nav_chat`), docked beside the page. Its iframe stays
 * alive while the rep moves between records (the pages navigate in place); hiding it only fires `app.deactivated`.
 */
export class DockedApp {
  private element: HTMLElement | undefined;
  instance: HostInstance | undefined;
  open = false;

  constructor(
    private readonly host: HostContext,
    readonly placeholder: string,
  ) {}

  get available(): boolean {
    return this.host.state.placeholders[this.placeholder] !== undefined;
  }

  show(): boolean {
    if (!this.available) return false;
    if (!this.element) this.build();
    if (this.open) return true;
    this.setOpen(true);
    void this.host.messenger.fire(this.instance!, 'app.activated');
    return true;
  }

  hide(): boolean {
    if (!this.available) return false;
    if (!this.open) return true;
    this.setOpen(false);
    void this.host.messenger.fire(this.instance!, 'app.deactivated');
    return true;
  }

  toggle(): void {
    if (this.open) this.hide();
    else this.show();
  }

  /** Click-to-call: opens the phone app and hands it the number, as `calling`. */
  call(phoneNumber: string): boolean {
    if (!this.show()) return false;
    void this.host.messenger.fire(this.instance!, 'calling', { phoneNumber, number: phoneNumber });
    return true;
  }

  restore(): void {
    if (this.available && sessionStorage.getItem(storageKey(this.host.state.product, this.placeholder)) === 'open') this.show();
  }

  private build(): void {
    const { state } = this.host;
    const element = document.createElement('aside');
    element.className = 'cti-dock';
    element.dataset.placeholder = this.placeholder;
    element.dataset.testid = `dock-${this.placeholder}`;
    if (this.placeholder === 'left_nav_chat') element.style.left = '468px';
    const header = document.createElement('header');
    header.textContent = `${state.appName} · ${LABELS[this.placeholder] ?? this.placeholder}`;
    const close = document.createElement('button');
    close.type = 'button';
    close.title = 'Hide';
    close.textContent = '×';
    close.addEventListener('click', () => this.hide());
    header.append(close);
    element.append(header);
    document.body.append(element);
    this.element = element;
    this.instance = this.host.frame(element, appUrl(state.product, state.placeholders[this.placeholder]!.url), {
      location: this.placeholder,
      title: `${state.appName} (${this.placeholder})`,
    });
  }

  private setOpen(open: boolean): void {
    this.open = open;
    this.element!.hidden = !open;
    document.querySelector(`[data-fdk-dock="${this.placeholder}"]`)?.classList.toggle('active', open);
    sessionStorage.setItem(storageKey(this.host.state.product, this.placeholder), open ? 'open' : 'closed');
  }
}
