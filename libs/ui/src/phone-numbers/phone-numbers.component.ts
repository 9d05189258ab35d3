import { html, LitElement } from 'lit';
import { emit } from '../events';
import { panel } from '../i18n/en/panel';
import { addStrings, t } from '../i18n/t';
import { theme } from '../theme.styles';
import { styles } from './phone-numbers.styles';

export interface PhoneEntry {
  /** What kind of number it is ("Mobile") or whose it is ("Jane Sample"). */
  label: string;
  /** The number as the record stores it. */
  phone: string;
  /** Why it cannot be called; such numbers are listed without a Call button. */
  problem?: string;
}

addStrings(panel);

/**
 * A record's numbers, each with a Call button.
 *
 * @fires cb-dial - the rep clicked Call; detail `{ phone }` as stored
 */
export class CbPhoneNumbers extends LitElement {
  static override styles = [theme, styles];
  static override properties = { numbers: { attribute: false }, busy: { type: Boolean } };

  numbers: readonly PhoneEntry[] = [];
  /** While a call is being placed, the Call buttons wait. */
  busy = false;

  override render() {
    if (this.numbers.length === 0) return html`<p class="muted">${t('numbers.empty')}</p>`;
    return html`<ul aria-label=${t('numbers.title')}>
      ${this.numbers.map(
        ({ label, phone, problem }) =>
          html`<li>
            <span class="muted">${label}</span> ${phone}
            ${problem
              ? html`<span class="muted">${problem}</span>`
              : html`<button
                  type="button"
                  class="btn btn-primary"
                  aria-label=${t('numbers.callLabel', { label, phone })}
                  ?disabled=${this.busy}
                  @click=${() => emit(this, 'cb-dial', { phone })}
                >
                  ${t('call')}
                </button>`}
          </li>`,
      )}
    </ul>`;
  }
}
