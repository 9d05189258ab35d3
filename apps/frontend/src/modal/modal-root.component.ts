import { CALL_OUTCOMES, callbridgeModal, createPlaceholderContact, logCall, normalizePhone } from '@callbridge/contracts';
import type { HostPort, ModalResult, ModalSession } from '@callbridge/core';
import { errorView, loadingView, theme, type CreateContactValues, type LogCallValues } from '@callbridge/ui';
import '@callbridge/ui/create-contact-form';
import '@callbridge/ui/log-call-form';
import { html, LitElement } from 'lit';
import { failureMessage } from '../failure';
import { styles } from './modal-root.styles';

type Session = ModalSession<typeof callbridgeModal.input, typeof callbridgeModal.result>;
type Result = ModalResult<typeof callbridgeModal>;

/**
 * The modal page: "Log a call" or "Create contact from number", as the opener asked. A saved result goes back to the
 * opener (which closes the modal); a failure stays in the form with what the rep typed.
 */
export class CbModalRoot extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    host: { attribute: false },
    session: { state: true },
    failure: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  host!: HostPort;
  private session: Session | undefined;
  private failure = '';
  private busy = false;
  /** Why the last save failed. */
  private error = '';

  override connectedCallback() {
    super.connectedCallback();
    this.host.modalSession(callbridgeModal).then(
      (session) => {
        this.session = session;
      },
      (error: unknown) => {
        this.failure = failureMessage(error);
      },
    );
  }

  override render() {
    const { session } = this;
    if (this.failure) return errorView(this.failure);
    if (!session) return loadingView();
    const { input } = session;
    const cancel = () => void session.dismiss();
    if (input.form === 'create-contact') {
      return html`<cb-create-contact-form
        phone=${input.phone}
        name=${input.defaultName}
        .types=${input.allowedTypes}
        ?busy=${this.busy}
        error=${this.error}
        @cb-create-contact-submit=${(event: CustomEvent<CreateContactValues>) => this.createContact(session, input.phone, event.detail)}
        @cb-cancel=${cancel}
      ></cb-create-contact-form>`;
    }
    return html`<cb-log-call-form
      .targets=${[input.target]}
      .outcomes=${CALL_OUTCOMES}
      .deals=${input.deals}
      phone=${input.phone ?? ''}
      direction=${input.direction ?? 'outbound'}
      .duration=${input.durationSeconds ?? 0}
      ?busy=${this.busy}
      error=${this.error}
      @cb-log-call-submit=${(event: CustomEvent<LogCallValues>) => this.logCall(session, event.detail)}
      @cb-cancel=${cancel}
    ></cb-log-call-form>`;
  }

  private logCall(session: Session, values: LogCallValues) {
    const { input } = session;
    if (input.form !== 'log-call') return;
    const phone = input.phone === undefined ? undefined : normalizePhone(input.phone);
    void this.save(session, async () => {
      const { call } = await this.host.callServer(logCall, {
        target: input.target,
        direction: values.direction,
        // The form offers CALL_OUTCOMES only, and callServer checks the input against the contract before sending.
        outcome: values.outcome as (typeof CALL_OUTCOMES)[number],
        durationSeconds: values.durationSeconds,
        notes: values.notes,
        phone: phone?.ok ? phone.e164 : undefined,
        dealId: values.dealId,
      });
      return { form: 'log-call', call };
    });
  }

  private createContact(session: Session, phone: string, values: CreateContactValues) {
    const normal = normalizePhone(phone);
    void this.save(session, async () => {
      const { contact } = await this.host.callServer(createPlaceholderContact, {
        phone: normal.ok ? normal.e164 : phone,
        name: values.name,
        type: values.type === 'lead' ? 'lead' : 'contact',
      });
      return { form: 'create-contact', contact };
    });
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
