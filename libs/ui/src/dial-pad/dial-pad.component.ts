import { html, LitElement, nothing } from 'lit';
import { emit } from '../events';
import { fieldError } from '../forms/fields';
import { formStyles } from '../forms/forms.styles';
import { phone } from '../i18n/en/phone';
import { addStrings, t } from '../i18n/t';
import { theme } from '../theme.styles';
import { styles } from './dial-pad.styles';

addStrings(phone);

const KEYS = [...'123456789+0'];

/**
 * A number field with a keypad. Typing works in the field and, while a key has focus, on the keypad too.
 * The owner checks the number and sets `error`, which shows beside the field until the rep edits the number.
 *
 * @fires cb-dial - the rep pressed Call (or Enter); detail `{ phone }` as typed
 * @fires cb-lookup - the rep pressed Find caller; detail `{ phone }` as typed
 */
export class CbDialPad extends LitElement {
  static override styles = [theme, formStyles, styles];
  static override properties = { value: {}, error: {}, busy: { type: Boolean } };

  value = '';
  error = '';
  busy = false;

  constructor() {
    super();
    this.addEventListener('keydown', (event) => {
      // The field handles its own keys; these are for the keypad.
      if (event.composedPath()[0] instanceof HTMLInputElement) return;
      if (/^[\d+]$/.test(event.key)) this.edit(this.value + event.key);
      else if (event.key === 'Backspace') this.edit(this.value.slice(0, -1));
    });
  }

  override render() {
    const { error } = this;
    return html`<form novalidate @submit=${this.onSubmit}>
      <div class="field">
        <label for="number">${t('phone.number')}</label>
        <input
          id="number"
          type="tel"
          autocomplete="off"
          .value=${this.value}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'number-error' : nothing}
          @input=${(event: Event) => this.edit((event.target as HTMLInputElement).value)}
        />
        ${fieldError('number', error)}
      </div>
      <div class="keys" role="group" aria-label=${t('phone.keypad')}>
        ${KEYS.map((key) => html`<button type="button" class="btn" @click=${() => this.edit(this.value + key)}>${key}</button>`)}
        <button type="button" class="btn" aria-label=${t('phone.backspace')} @click=${() => this.edit(this.value.slice(0, -1))}>⌫</button>
      </div>
      <div class="actions">
        <button class="btn btn-primary" ?disabled=${this.busy}>${t('call')}</button>
        <button type="button" class="btn" ?disabled=${this.busy} @click=${() => emit(this, 'cb-lookup', { phone: this.value })}>${t('phone.find')}</button>
      </div>
    </form>`;
  }

  private edit(value: string) {
    this.value = value;
    this.error = '';
  }

  private onSubmit = (event: Event) => {
    event.preventDefault();
    if (!this.busy) emit(this, 'cb-dial', { phone: this.value });
  };
}
