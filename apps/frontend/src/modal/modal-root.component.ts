import type { callbridgeModal } from '@callbridge/contracts';
import type { HostPort, ModalResult } from '@callbridge/core';
import { errorView, loadingView, t, theme, type CreateContactValues, type LogCallValues } from '@callbridge/ui';
import { html, LitElement } from 'lit';
import { failureMessage } from '../failure';
import { styles } from './modal-root.styles';
import type * as CreateContactMode from './create-contact-mode';
import type * as LogCallMode from './log-call-mode';
import type { CallbridgeSession as Session } from './session';

type Result = ModalResult<typeof callbridgeModal>;
/** Each mode's form and save, loaded once the opener said which mode: the modal never carries the other form. */
type Mode = { form: 'log-call'; module: typeof LogCallMode } | { form: 'create-contact'; module: typeof CreateContactMode };

/**
 * The modal page: "Log a call" or "Create contact from number", as the opener asked. A saved result goes back to the
 * opener (which closes the modal); a failure stays in the form with what the rep typed.
 */
export class CbModalRoot extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    host: { attribute: false },
    session: { state: true },
    mode: { state: true },
    failure: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  host!: HostPort;
  private session: Session | undefined;
  private mode: Mode | undefined;
  private failure: { message: string; retry: boolean } | undefined;
  private busy = false;
  /** Why the last save failed. */
  private error = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.start();
  }

  /** Starts the session, then loads the form of the mode the opener asked for. */
  private async start() {
    this.failure = undefined;
    // Code that did not arrive can be loaded again; data the opener sent that the contract refuses cannot.
    const loadFailed = (): undefined => {
      this.failure = { message: t('form.loadFailed'), retry: true };
      return undefined;
    };
    if (!this.session) {
      const session = await import('./session').then(({ openSession }) => openSession, loadFailed);
      if (!session) return;
      try {
        this.session = await session(this.host);
      } catch (error) {
        this.failure = { message: failureMessage(error), retry: false };
        return;
      }
    }
    const { input } = this.session;
    const mode: Mode | undefined = await (input.form === 'create-contact'
      ? import('./create-contact-mode').then((module) => ({ form: 'create-contact' as const, module }))
      : import('./log-call-mode').then((module) => ({ form: 'log-call' as const, module }))
    ).catch(loadFailed);
    if (mode) this.mode = mode;
  }

  override render() {
    const { session, mode, failure } = this;
    if (failure) return errorView(failure.message, failure.retry ? () => void this.start() : undefined);
    if (!session || !mode) return loadingView();
    const { input } = session;
    const cancel = () => void session.dismiss();
    if (input.form === 'create-contact' && mode.form === 'create-contact') {
      const { saveContact } = mode.module;
      return html`<cb-create-contact-form
        phone=${input.phone}
        name=${input.defaultName}
        .types=${input.allowedTypes}
        ?busy=${this.busy}
        error=${this.error}
        @cb-create-contact-submit=${(event: CustomEvent<CreateContactValues>) =>
          void this.save(session, async () => ({ form: 'create-contact', contact: await saveContact(this.host, input.phone, event.detail) }))}
        @cb-cancel=${cancel}
      ></cb-create-contact-form>`;
    }
    if (input.form !== 'log-call' || mode.form !== 'log-call') return loadingView();
    const { saveCallLog, CALL_OUTCOMES } = mode.module;
    return html`<cb-log-call-form
      .targets=${[input.target]}
      .outcomes=${CALL_OUTCOMES}
      .deals=${input.deals}
      phone=${input.phone ?? ''}
      direction=${input.direction ?? 'outbound'}
      .duration=${input.durationSeconds ?? 0}
      ?busy=${this.busy}
      error=${this.error}
      @cb-log-call-submit=${(event: CustomEvent<LogCallValues>) => void this.save(session, async () => ({ form: 'log-call', call: await saveCallLog(this.host, input, event.detail) }))}
      @cb-cancel=${cancel}
    ></cb-log-call-form>`;
  }

  private async save(session: Session, work: () => Promise<Result>) {
    this.busy = true;
    this.error = '';
    try {
      await session.resolve(await work());
    } catch (error) {
      this.error = failureMessage(error);
      this.busy = false;
    }
  }
}
