import { html, LitElement, nothing } from 'lit';
import { emit } from '../events';
import { fieldError, formText } from '../forms/fields';
import { formStyles } from '../forms/forms.styles';
import { forms } from '../i18n/en/forms';
import { addStrings, t } from '../i18n/t';
import { theme } from '../theme.styles';

addStrings(forms);

export const MAX_NAME = 60;

/**
 * "Create contact from number": a name (prefilled) and, when more than one is allowed, the record type.
 *
 * @fires cb-create-contact-submit - valid values; detail `{ name, type }`
 * @fires cb-cancel - the rep pressed Cancel
 */
export class CbCreateContactForm extends LitElement {
  static override styles = [theme, formStyles];
  static override properties = {
    phone: {},
    name: {},
    types: { attribute: false },
    busy: { type: Boolean },
    error: {},
    nameError: { state: true },
  };

  phone = '';
  /** The name the field starts with (the installation's placeholder name). */
  name = '';
  /** Types the rep may choose, the default first: `contact`, and `lead` only where the installation allows it. */
  types: readonly string[] = ['contact'];
  busy = false;
  error = '';
  private nameError = '';

  override render() {
    const invalid = this.nameError !== '';
    return html`<form novalidate @submit=${this.onSubmit}>
      <p class="muted">${t('create.intro', { phone: this.phone })}</p>
      <div class="field">
        <label for="name">${t('form.name')}</label>
        <input id="name" name="name" value=${this.name} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'name-error' : nothing} />
        ${fieldError('name', this.nameError)}
      </div>
      ${this.types.length > 1
        ? html`<fieldset class="field">
            <legend>${t('form.type')}</legend>
            ${this.types.map(
              (type, index) =>
                html`<label class="radio"><input type="radio" name="type" value=${type} ?checked=${index === 0} />${t(type === 'lead' ? 'type.lead' : 'type.contact')}</label>`,
            )}
          </fieldset>`
        : nothing}
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class="btn btn-primary" ?disabled=${this.busy}>${t(this.busy ? 'form.saving' : 'form.create')}</button>
        <button type="button" class="btn" @click=${() => emit(this, 'cb-cancel', null)}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  private onSubmit = async (event: Event) => {
    event.preventDefault();
    const text = formText(event);
    const name = text('name');
    this.nameError = name && name.length <= MAX_NAME ? '' : t('form.name.invalid', { max: MAX_NAME });
    if (this.nameError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
    } else if (!this.busy) {
      emit(this, 'cb-create-contact-submit', { name, type: text('type') || this.types[0]! });
    }
  };
}
