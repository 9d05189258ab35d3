import { normalizePhone, type DealSummary } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';
import { addStrings, errorView, formatTime, loadingView, panelStrings, t, theme } from '@callbridge/ui';
import '@callbridge/ui/call-list';
import '@callbridge/ui/phone-numbers';
import { html, LitElement, nothing } from 'lit';
import { failureMessage } from '../failure';
import { loadDeals, loadView, type PanelView } from './load';
import type { PanelProfile } from './profile';
import { styles } from './record-panel.styles';

/** The User Timing mark the panel sets once its calls are on screen. */
export const READY_MARK = 'callbridge:panel-ready';

type PanelState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; view: PanelView };

interface Notice {
  text: string;
  error?: boolean;
}

const ignore = () => undefined;

addStrings(panelStrings);

/**
 * The root of the contact, lead, deal and account panels: the record's numbers with click-to-call, its recent calls
 * and "Log a call". It loads on every `app.activated` (the rep opened the panel or moved to another record); an
 * answer for a record the rep has left is dropped.
 */
export class CbRecordPanel extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    host: { attribute: false },
    profile: { attribute: false },
    state: { state: true },
    notice: { state: true },
    dialing: { state: true },
    opening: { state: true },
  };

  host!: HostPort;
  profile!: PanelProfile;
  private state: PanelState = { status: 'loading' };
  private notice: Notice | undefined;
  private dialing = false;
  /** "Log a call" was clicked and the modal is on its way (its code, the contact's open deals). */
  private opening = false;
  /** Bumped by every load and deactivation; a load whose number is no longer current is stale. */
  private generation = 0;
  private height = 0;
  private unsubscribe: (() => void)[] = [];
  /** The open deals of the record on screen, for the log form. */
  private deals: Promise<readonly DealSummary[]> = Promise.resolve([]);

  /** Children (numbers, calls) render after this element's own update and grow later: follow them as they do. */
  private readonly resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.fitFrame()) : undefined;

  override connectedCallback() {
    super.connectedCallback();
    this.resizeObserver?.observe(this);
    this.unsubscribe = [
      this.host.onActivated(() => void this.load()),
      this.host.onDeactivated(() => {
        this.generation += 1;
      }),
    ];
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
  }

  /** Loads the record the rep is on; resolves when it shows (or was dropped as stale). */
  async load(): Promise<void> {
    const generation = (this.generation += 1);
    this.state = { status: 'loading' };
    this.notice = undefined;
    try {
      const view = await loadView(this.host, this.profile);
      if (generation !== this.generation) return;
      this.state = { status: 'ready', view };
      await this.updateComplete;
      if (generation === this.generation) this.deals = loadDeals(this.host, this.profile, view.record);
    } catch (error) {
      if (generation === this.generation) this.state = { status: 'error', message: t('error.load', { reason: failureMessage(error) }) };
    }
  }

  override render() {
    const { state } = this;
    if (state.status === 'loading') return loadingView();
    if (state.status === 'error') return errorView(state.message, () => void this.load());
    const { view } = state;
    const { summary } = view;
    return html`${summary
        ? html`<dl class="summary">
            <div><dt class="muted">${t('summary.week')}</dt><dd>${summary.thisWeek}</dd></div>
            <div>
              <dt class="muted">${t('summary.last')}</dt>
              <dd>${summary.lastContactedAt ? formatTime(summary.lastContactedAt) : t('summary.never')}</dd>
            </div>
          </dl>`
        : nothing}
      <h2>${t('numbers.title')}</h2>
      <cb-phone-numbers .numbers=${this.profile.numbers(view.record, view.calls)} ?busy=${this.dialing} @cb-dial=${this.onDial}></cb-phone-numbers>
      <p class=${this.notice?.error ? 'error' : 'muted'} role="status">${this.notice?.text ?? nothing}</p>
      <div class="fw-divider"></div>
      <div class="heading">
        <h2>${t('calls.title')}</h2>
        ${this.profile.target
          ? html`<button type="button" class="btn btn-primary" ?disabled=${this.opening} @click=${() => void this.logCall(view)}>
              ${t(this.opening ? 'log.opening' : 'log.title')}
            </button>`
          : nothing}
      </div>
      <cb-call-list .calls=${view.calls} ?show-target=${this.profile.showTarget === true}></cb-call-list>`;
  }

  override updated() {
    if (this.state.status === 'ready' && !this.readyMarked) {
      this.readyMarked = true;
      void this.markReady();
    }
    this.fitFrame();
  }

  /** The integrations panel is as tall as the app asks: ask for the whole document, the body's margin included. */
  private fitFrame(): void {
    const body = this.ownerDocument.body;
    const bottom = body.getBoundingClientRect().bottom + (parseFloat(getComputedStyle(body).marginBottom) || 0);
    const height = Math.ceil(Math.max(bottom, this.getBoundingClientRect().height));
    if (height > 0 && height !== this.height) {
      this.height = height;
      this.host.resize(height).catch(ignore);
    }
  }

  private readyMarked = false;

  /** Marks the moment the calls first show, for the panel-ready benchmark (navigation start to calls rendered). */
  private async markReady(): Promise<void> {
    await this.renderRoot.querySelector('cb-call-list')?.updateComplete;
    performance.mark(READY_MARK);
  }

  private onDial = (event: CustomEvent<{ phone: string }>) => void this.dial(event.detail.phone);

  private async dial(phone: string) {
    const normal = normalizePhone(phone);
    if (!normal.ok) {
      this.notice = { text: normal.message, error: true };
      return;
    }
    this.dialing = true;
    this.notice = { text: t('dial.calling', { phone }) };
    try {
      // Loaded on the first call: a panel shows without the dial contract.
      await (await import('../place-call')).placeCall(this.host, normal.e164);
      this.notice = { text: t('dial.started', { phone }) };
      // The phone app is where the rep follows and logs the call; not opening it costs nothing else.
      this.host.showPhoneApp().catch(ignore);
    } catch (error) {
      this.notice = { text: t('dial.failed', { phone, reason: failureMessage(error) }), error: true };
    } finally {
      this.dialing = false;
    }
  }

  private async logCall(view: PanelView) {
    const callable = this.profile.numbers(view.record, view.calls).map(({ phone }) => normalizePhone(phone));
    const phone = callable.find((normal) => normal.ok)?.e164;
    this.opening = true;
    try {
      const [{ openLogCallModal }, deals] = await Promise.all([import('./log-call-modal'), this.deals]);
      this.opening = false;
      const call = await openLogCallModal(this.host, { target: this.profile.target!(view.record), phone, deals });
      const { state } = this;
      // The rep may have moved on while the modal was open; the call then shows when they come back.
      if (!call || state.status !== 'ready' || state.view.record.id !== view.record.id) return;
      const calls = [call, ...state.view.calls.filter(({ id }) => id !== call.id)];
      this.state = { status: 'ready', view: { ...state.view, calls } };
      this.notice = { text: t('log.saved') };
    } catch (error) {
      this.notice = { text: t('log.failed', { reason: failureMessage(error) }), error: true };
    } finally {
      this.opening = false;
    }
  }
}
