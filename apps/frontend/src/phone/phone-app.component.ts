import { CALL_OUTCOMES, callbridgeModal, dial, findByPhone, logCall, normalizePhone, type ContactMatch, type LiveCall } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';
import { addStrings, errorView, formStrings, loadingView, phoneStrings, t, theme, type LogCallValues } from '@callbridge/ui';
import '@callbridge/ui/dial-pad';
import '@callbridge/ui/log-call-form';
import { html, LitElement, nothing } from 'lit';
import { failureMessage } from '../failure';
import type { IncomingCall } from '@callbridge/contracts';
import { pollCurrentCall, type LiveCallPoller } from './live-call-poller';
import { placeholderSettings } from './placeholder-settings';
import { styles } from './phone-app.styles';

type Lookup = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; matches: ContactMatch[] };

/** The call on screen. Its lookup is replaced in place, so an answer about a call the rep has left shows nowhere. */
interface ActiveCall {
  /** The phone system's id, when it told us of the call: the log then counts as that call's one log. */
  callId?: string;
  phone: string;
  direction: 'inbound' | 'outbound';
  startedAt: number;
  lookup: Lookup;
  /** Set when the call ended: the log form is showing. */
  durationSeconds?: number;
}

type Direction = ActiveCall['direction'];

/** Failed polls in a row before the rep is told incoming calls may not show. */
const POLL_FAILURES_SHOWN = 3;

addStrings(phoneStrings);
addStrings(formStrings);

/**
 * The phone app (`left_nav_cti`): dial pad, click-to-call from the CRM, who a caller is (contacts and leads),
 * a placeholder contact for an unknown caller, and the call log after hang-up.
 */
export class CbPhoneApp extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    host: { attribute: false },
    onIncoming: { attribute: false },
    now: { attribute: false },
    pollMs: { attribute: false },
    call: { state: true },
    number: { state: true },
    padError: { state: true },
    busy: { state: true },
    notice: { state: true },
    formError: { state: true },
    pollProblem: { state: true },
  };

  host!: HostPort;
  /** Subscribes to `call.incoming` (@callbridge/contracts phoneMessages); the entry wires it to instance messaging. */
  onIncoming: ((listener: (call: IncomingCall) => void) => () => void) | undefined;
  /** The clock calls are timed with. */
  now: () => number = Date.now;
  /** How often the phone system's current call is asked for (`currentCall`), in milliseconds. */
  pollMs = 2_000;
  /** The call on screen; none shows the dial pad. */
  private call: ActiveCall | undefined;
  private number = '';
  private padError = '';
  private busy = false;
  private notice: { text: string; error?: boolean } | undefined;
  private formError = '';
  /** Why incoming calls may not show (the server kept failing); cleared by the next answer. */
  private pollProblem = '';
  private unsubscribe: (() => void)[] = [];
  private poller: LiveCallPoller | undefined;
  /** The last phone system call this app showed, or saw end unshown: each call rings here once. */
  private seenCallId: string | undefined;

  override connectedCallback() {
    super.connectedCallback();
    this.unsubscribe = [this.host.onCalling((phone) => void this.dial(phone))];
    if (this.onIncoming) {
      this.unsubscribe.push(
        this.onIncoming(({ phone, direction, callId }) => {
          if (callId !== undefined) this.seenCallId = callId;
          this.show(phone, direction, callId === undefined ? undefined : { callId });
        }),
      );
    }
    const poller = pollCurrentCall({
      host: this.host,
      intervalMs: this.pollMs,
      onCall: (call) => {
        this.pollProblem = '';
        if (call) this.follow(call, poller);
      },
      onFailure: (error, failures) => {
        if (failures >= POLL_FAILURES_SHOWN) this.pollProblem = t('phone.pollFailed', { reason: failureMessage(error) });
      },
    });
    this.poller = poller;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const stop of this.unsubscribe) stop();
    this.poller?.stop();
    this.poller = undefined;
  }

  /**
   * The phone system's current call: a new one rings here as a `call.incoming` broadcast does (and brings the phone
   * app forward); when the call on screen ends, its log form opens with the direction and talk time. The server is
   * told the rep is handling the call, so it leaves the log to the rep.
   */
  private follow(call: LiveCall, poller: LiveCallPoller) {
    const shown = this.call?.callId === call.callId ? this.call : undefined;
    if (call.state === 'ended') {
      this.seenCallId = call.callId;
      if (!shown || shown.durationSeconds !== undefined) return;
      this.formError = '';
      this.call = { ...shown, direction: call.direction, durationSeconds: call.durationSeconds ?? Math.round((this.now() - shown.startedAt) / 1000) };
      poller.hold(call.callId);
      return;
    }
    if (call.callId === this.seenCallId) return;
    this.seenCallId = call.callId;
    const dialled = this.call;
    if (dialled && dialled.callId === undefined && dialled.durationSeconds === undefined && dialled.phone === call.phone) {
      // The call the rep just dialled (or looked up): the same screen, now known as the phone system's call.
      this.call = { ...dialled, callId: call.callId, direction: call.direction };
      poller.hold(call.callId);
      return;
    }
    const startedAt = Date.parse(call.startedAt);
    this.show(call.phone, call.direction, { callId: call.callId, ...(Number.isNaN(startedAt) ? {} : { startedAt }) });
    poller.hold(call.callId);
    this.host.showPhoneApp().catch(() => undefined);
  }

  override render() {
    const { notice } = this;
    return html`${this.call
        ? this.renderCall(this.call)
        : html`<cb-dial-pad
            .value=${this.number}
            .error=${this.padError}
            ?busy=${this.busy}
            @cb-dial=${(event: CustomEvent<{ phone: string }>) => void this.dial(event.detail.phone)}
            @cb-lookup=${(event: CustomEvent<{ phone: string }>) => this.show(event.detail.phone, 'inbound')}
          ></cb-dial-pad>`}
      <p class=${notice?.error ? 'error' : 'muted'} role="status">${notice?.text}</p>
      ${this.pollProblem ? html`<p class="muted">${this.pollProblem}</p>` : nothing}`;
  }

  private renderCall(call: ActiveCall) {
    const { lookup, phone, durationSeconds } = call;
    const logging = durationSeconds !== undefined;
    const back = html`<button type="button" class="btn" @click=${this.toPad}>${t('phone.back')}</button>`;
    const end = html`<button
      type="button"
      class="btn btn-primary"
      @click=${() => {
        this.formError = '';
        this.call = { ...call, durationSeconds: Math.round((this.now() - call.startedAt) / 1000) };
      }}
    >
      ${t('phone.end')}
    </button>`;
    let body;
    if (lookup.status === 'loading') body = loadingView(t('phone.searching', { phone }));
    else if (lookup.status === 'error') body = errorView(lookup.message, () => void this.lookUp(call));
    else if (lookup.matches.length === 0) {
      body = html`<p>${t(logging ? 'phone.needRecord' : 'phone.noMatch')}</p>
        <button type="button" class="btn" @click=${() => void this.createPlaceholder(call)}>${t('phone.create')}</button>`;
    } else if (logging) {
      const { matches } = lookup;
      return html`<h2>${t('log.title')}</h2>
        <cb-log-call-form
          .targets=${matches}
          .outcomes=${CALL_OUTCOMES}
          phone=${phone}
          direction=${call.direction}
          .duration=${durationSeconds}
          ?busy=${this.busy}
          error=${this.formError}
          @cb-log-call-submit=${(event: CustomEvent<LogCallValues>) => void this.logCall(call, matches, event.detail)}
          @cb-cancel=${this.toPad}
        ></cb-log-call-form>`;
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

  private toPad = () => {
    this.call = undefined;
  };

  /** Click-to-call and the Call button: check the number, start the call, then show who it is. */
  private async dial(raw: string) {
    this.number = raw;
    this.notice = undefined;
    const normal = normalizePhone(raw);
    if (!normal.ok) return this.refuse(normal.message);
    this.call = undefined;
    this.busy = true;
    this.padError = '';
    try {
      await this.host.callServer(dial, { to: normal.e164 });
      this.show(normal.e164, 'outbound');
    } catch (error) {
      this.refuse(failureMessage(error));
    } finally {
      this.busy = false;
    }
  }

  /** Back on the dial pad, with why the number was not called. */
  private refuse(message: string) {
    this.call = undefined;
    this.padError = message;
  }

  /** An incoming call (broadcast or poll), "Find caller", or a call that started: show the number and whose it is. */
  private show(raw: string, direction: Direction, from: { callId: string; startedAt?: number } | undefined = undefined) {
    this.notice = undefined;
    const normal = normalizePhone(raw);
    if (!normal.ok) {
      this.number = raw;
      return this.refuse(normal.message);
    }
    const call: ActiveCall = { ...(from && { callId: from.callId }), phone: normal.e164, direction, startedAt: from?.startedAt ?? this.now(), lookup: { status: 'loading' } };
    this.call = call;
    void this.lookUp(call);
  }

  private async lookUp(call: ActiveCall) {
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

  private async createPlaceholder(call: ActiveCall) {
    this.notice = undefined;
    try {
      const settings = await placeholderSettings(this.host);
      const result = await this.host.openModal(callbridgeModal, {
        title: t('create.title'),
        data: { form: 'create-contact', phone: call.phone, ...settings },
      });
      if (result?.form === 'create-contact' && this.call?.phone === call.phone) {
        this.call = { ...this.call, lookup: { status: 'done', matches: [result.contact] } };
      }
    } catch (error) {
      this.notice = { text: failureMessage(error), error: true };
    }
  }

  private async logCall(call: ActiveCall, matches: readonly ContactMatch[], values: LogCallValues) {
    const { type, id, name } = matches[values.target] ?? matches[0]!;
    this.busy = true;
    this.formError = '';
    try {
      const { alreadyLogged } = await this.host.callServer(logCall, {
        target: { type, id, name },
        direction: values.direction,
        // The form offers CALL_OUTCOMES only, and callServer checks the input against the contract before sending.
        outcome: values.outcome as (typeof CALL_OUTCOMES)[number],
        durationSeconds: values.durationSeconds,
        notes: values.notes,
        phone: call.phone,
        startedAt: new Date(call.startedAt).toISOString(),
        ...(call.callId !== undefined && { callId: call.callId }),
      });
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
