import { CbLogCallForm } from './log-call-form.component';

if (!customElements.get('cb-log-call-form')) customElements.define('cb-log-call-form', CbLogCallForm);

declare global {
  interface HTMLElementTagNameMap {
    'cb-log-call-form': CbLogCallForm;
  }
}

export { CbLogCallForm };
