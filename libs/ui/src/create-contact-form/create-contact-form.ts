import { CbCreateContactForm } from './create-contact-form.component';

if (!customElements.get('cb-create-contact-form')) customElements.define('cb-create-contact-form', CbCreateContactForm);

declare global {
  interface HTMLElementTagNameMap {
    'cb-create-contact-form': CbCreateContactForm;
  }
}

export { CbCreateContactForm };
