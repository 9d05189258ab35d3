import { findByPhone, normalizePhone, type ContactMatch, type IncomingCall, type LiveCall } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';
import { addStrings, errorView, loadingView, phoneStrings, t, theme, type LogCallValues } from '@callbridge/ui';
import '@callbridge/ui/dial-pad';
import { html, LitElement, nothing } from 'lit';
import { failureMessage } from '../failure';
import { followLiveCall, type ActiveCall, type Lookup } from './active-call';
import type * as AfterCallModule from './after-call';
import { pollCurrentCall, type LiveCallPoller } from './live-call-poller';
import { suggestedOutcome } from './outcome';
import { styles } from './phone-app.styles';

type Direction = ActiveCall['direction'];

/** The after-call log form and the log: loaded while a call is on screen, so the dial pad does not carry them. */
type AfterCall = typeof AfterCallModule;
type Loading<T> = { status: 'idle' | 'loading' | 'failed' } | { status: 'ready'; module: T };

/** Failed polls in a row before the rep is told incoming calls may not show. */
const POLL_FAILURES_SHOWN = 3;

addStrings(phoneStrings);

/**
 * The phone app (`left_nav_cti`): dial pad, click-to-call from the CRM, who a caller is (contacts and leads),
 * a placeholder contact for an unknown caller, and the call log after hang-up. It asks the server for the phone
 * system's current call every `pollMs` while shown (the platform's `app.activated`, and the browser tab visible) and
 * every `hiddenPollMs` while hidden: each question costs a `$db` read of the installation's 50 a minute.
 */
export class CbPhoneApp extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    host: { attribute: false },
    onIncoming: { attribute: false },
    now: { attribute: false },
    pollMs: { attribute: false },
    hiddenPollMs: { attribute: false },
    call: { state: true },
    number: { state: true },
    padError: { state: true },
    busy: { state: true },
    opening: { state: true },
    notice: { state: true },
    formError: { state: true },
    pollProblem: { state: true },
    afterCall: { state: true },
  };

  host!: HostPort;
  /** Subscribes to `call.incoming` (@callbridge/contracts phoneMessages); the entry wires it to instance messaging. */
  onIncoming: ((listener: (call: IncomingCall) => void) => () => void) | undefined;
  /** The clock calls are timed with. */
  now: () => number = Date.now;
  /** How often the phone system's current call is asked for (`currentCall`) while the phone app is shown, in ms. */
  pollMs = 5_000;
  /** The same while it is hidden (the rep closed it, or the browser tab is in the background). */
  hiddenPollMs = 30_000;
  /** The call on screen; none shows the dial pad. */
  private call: ActiveCall | undefined;
  private number = '';
  private padError = '';
  private busy = false;
  /** The placeholder form is on its way (its code and the installation's settings). */
  private opening = false;
  private notice: { text: string; error?: boolean } | undefined;
  private formError = '';
  /** Why incoming calls may not show (the server kept failing); cleared by the next answer. */
  private pollProblem = '';
  private afterCall: Loading<AfterCall> = { status: 'idle' };
  #unsubscribe: (() => void)[] = [];
  /** The last phone system call this app showed, or saw end unshown: each call rings here once. */
  #seenCallId: string | undefined;
  /** The platform showed the phone app (`app.activated`) and has not hidden it since. */
  #activated = false;

  override connectedCallback() {
    super.connectedCallback();
    this.#unsubscribe = [this.host.onCalling((phone) => void this.#dial(phone))];
    if (this.onIncoming) {
      this.#unsubscribe.push(
        this.onIncoming(({ phone, direction, callId }) => {
          if (callId !== undefined) this.#seenCallId = callId;
          this.#show(phone, direction, callId === undefined ? undefined : { callId });
        }),
      );
    }
    const shown = () => this.#activated && document.visibilityState !== 'hidden';
    const poller = pollCurrentCall({
      host: this.host,
      intervalMs: this.pollMs,
      hiddenIntervalMs: this.hiddenPollMs,
      shown: shown(),
      onCall: (call) => {
        this.pollProblem = '';
        if (call) this.#follow(call, poller);
      },
      onFailure: (error, failures) => {
        if (failures >= POLL_FAILURES_SHOWN) this.pollProblem = t('phone.pollFailed', { reason: failureMessage(error) });
      },
    });
    const visibility = () => poller.setShown(shown());
    document.addEventListener('visibilitychange', visibility);
    this.#unsubscribe.push(
      this.host.onActivated(() => {
        this.#activated = true;
        visibility();
      }),
      this.host.onDeactivated(() => {
        this.#activated = false;
        visibility();
      }),
      () => document.removeEventListener('visibilitychange', visibility),
      () => poller.stop(),
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
  }

  /**
   * The phone system's current call: a new one rings here as a `call.incoming` broadcast does (and brings the phone
   * app forward); when the call on screen ends, its log form opens with the direction, talk time and outcome.
   */
  #follow(live: LiveCall, poller: LiveCallPoller) {
    const { next, seen } = followLiveCall(live, this.call, this.#seenCallId, this.now());
    this.#seenCallId = seen;
    if (next.kind === 'same') return;
    if (next.kind === 'ended') this.#end(next.call);
    else if (next.kind === 'update') {
      this.call = next.call;
      if (!next.hold) return;
    } else {
      this.#show(next.phone, next.direction, { callId: next.callId, ...(next.startedAt !== undefined && { startedAt: next.startedAt }) });
      if (next.answered && this.call) this.call = { ...this.call, answered: true };
      this.host.showPhoneApp().catch(() => undefined);
    }
    poller.hold(live.callId);
  }

  /** The call ended: its log form shows. */
  #end(call: ActiveCall) {
    this.formError = '';
    this.call = call;
    this.#loadAfterCall();
  }

  #loadAfterCall() {
    if (this.afterCall.status === 'loading' || this.afterCall.status === 'ready') return;
    this.afterCall = { status: 'loading' };
    import('./after-call').then(
      (module) => {
        this.afterCall = { status: 'ready', module };
      },
      () => {
        this.afterCall = { status: 'failed' };
      },
    );
  }

  override render() {
    const { notice } = this;
    return html`${this.call
        ? this.#renderCall(this.call)
        : html`<cb-dial-pad
            .value=${this.number}
            .error=${this.padError}
            ?busy=${this.busy}
            @cb-dial=${(event: CustomEvent<{ phone: string }>) => void this.#dial(event.detail.phone)}
            @cb-lookup=${(event: CustomEvent<{ phone: string }>) => this.#show(event.detail.phone, 'inbound')}
          ></cb-dial-pad>`}
      <p class=${notice?.error ? 'error' : 'muted'} role="status">${notice?.text}</p>
      ${this.pollProblem ? html`<p class="muted">${this.pollProblem}</p>` : nothing}`;
  }

  #renderCall(call: ActiveCall) {
    const { lookup, phone, durationSeconds } = call;
    const logging = durationSeconds !== undefined;
    const back = html`<button type="button" class="btn" @click=${this.#toPad}>${t('phone.back')}</button>`;
    const end = html`<button
      type="button"
      class="btn btn-primary"
      @click=${() => this.#end({ ...call, durationSeconds: Math.round((this.now() - call.startedAt) / 1000), outcome: suggestedOutcome({ direction: call.direction, answered: call.answered }) })}
    >
      ${t('phone.end')}
    </button>`;
    let body;
    if (lookup.status === 'loading') body = loadingView(t('phone.searching', { phone }));
    else if (lookup.status === 'error') body = errorView(lookup.message, () => void this.#lookUp(call));
    else if (lookup.matches.length === 0) {
      body = html`<p>${t(logging ? 'phone.needRecord' : 'phone.noMatch')}</p>
        <button type="button" class="btn" ?disabled=${this.opening} @click=${() => void this.#createPlaceholder(call)}>${t(this.opening ? 'phone.opening' : 'phone.create')}</button>`;
    } else if (logging) {
      const { afterCall } = this;
      if (afterCall.status === 'ready') {
        const { logForm } = afterCall.module;
        const form = logForm(call, lookup.matches, { busy: this.busy, error: this.formError }, { submit: (target, values) => void this.#logCall(afterCall.module, call, target, values), cancel: this.#toPad });
        return html`<h2>${t('log.title')}</h2>${form}`;
      }
      body = afterCall.status === 'failed' ? errorView(t('form.loadFailed'), () => this.#loadAfterCall()) : loadingView();
    } else {
      body = html`<ul class="matches">
        ${lookup.matches.map(
          (match) =>
            html`<li>
              <span>${match.name} <span class="muted">${t(`type.${match.type}`)} ${match.company ?? ''}</span></span>
              <button type="button" class="btn" aria-label=${t('phone.openLabel', { name: match.name })} @click=${() => void this.host.showRecord(match.type, match.id)}>
                ${t('open')}
              </button>
            </li>`,
        )}
      </ul>`;
    }
    return html`<h2>${t(logging ? 'log.title' : call.direction === 'inbound' ? 'phone.incoming' : 'phone.outgoing', { phone })}</h2>
      ${body}
      <div class="actions">${logging ? nothing : end} ${back}</div>`;
  }

  #toPad = () => {
    this.call = undefined;
  };

  /** Click-to-call and the Call button: check the number, start the call, then show who it is. */
  async #dial(raw: string) {
    this.number = raw;
    this.notice = undefined;
    const normal = normalizePhone(raw);
    if (!normal.ok) return this.#refuse(normal.message);
    this.call = undefined;
    this.busy = true;
    this.padError = '';
    try {
      // Loaded on the first call (the pad is busy meanwhile): the dial pad shows without the dial contract.
      await (await import('../place-call')).placeCall(this.host, normal.e164);
      this.#show(normal.e164, 'outbound');
    } catch (error) {
      this.#refuse(failureMessage(error));
    } finally {
      this.busy = false;
    }
  }

  /** Back on the dial pad, with why the number was not called. */
  #refuse(message: string) {
    this.call = undefined;
    this.padError = message;
  }

  /** An incoming call (broadcast or poll), "Find caller", or a call that started: show the number and whose it is. */
  #show(raw: string, direction: Direction, from: { callId: string; startedAt?: number } | undefined = undefined) {
    this.notice = undefined;
    const normal = normalizePhone(raw);
    if (!normal.ok) {
      this.number = raw;
      return this.#refuse(normal.message);
    }
    const call: ActiveCall = { ...(from && { callId: from.callId }), phone: normal.e164, direction, startedAt: from?.startedAt ?? this.now(), lookup: { status: 'loading' } };
    this.call = call;
    void this.#lookUp(call);
    // The log form is likely next: have it ready by the time the call ends.
    this.#loadAfterCall();
  }

  async #lookUp(call: ActiveCall) {
    const settle = (lookup: Lookup) => {
      call.lookup = lookup;
      // The rep may have moved on (another call, the log form: a copy of this call).
      if (this.call?.startedAt === call.startedAt && this.call.phone === call.phone) this.call = { ...this.call, lookup };
    };
    settle({ status: 'loading' });
    try {
      const { matches } = await this.host.callServer(findByPhone, { phone: call.phone });
      settle({ status: 'done', matches });
    } catch (error) {
      settle({ status: 'error', message: failureMessage(error) });
    }
  }

  async #createPlaceholder(call: ActiveCall) {
    this.notice = undefined;
    this.opening = true;
    try {
      const { createPlaceholderFor } = await import('./create-placeholder');
      const contact = await createPlaceholderFor(this.host, call.phone, () => {
        this.opening = false;
      });
      if (contact && this.call?.phone === call.phone) this.call = { ...this.call, lookup: { status: 'done', matches: [contact] } };
    } catch (error) {
      this.notice = { text: failureMessage(error), error: true };
    } finally {
      this.opening = false;
    }
  }

  async #logCall(afterCall: AfterCall, call: ActiveCall, target: ContactMatch, values: LogCallValues) {
    this.busy = true;
    this.formError = '';
    try {
      const alreadyLogged = await afterCall.logPhoneCall(this.host, call, target, values);
      this.number = '';
      this.call = undefined;
      this.notice = { text: t(alreadyLogged ? 'log.already' : 'log.saved') };
    } catch (error) {
      this.formError = failureMessage(error);
    } finally {
      this.busy = false;
    }
  }
}
