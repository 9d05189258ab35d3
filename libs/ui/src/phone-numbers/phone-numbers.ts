import { CbPhoneNumbers } from './phone-numbers.component';

if (!customElements.get('cb-phone-numbers')) customElements.define('cb-phone-numbers', CbPhoneNumbers);

declare global {
  interface HTMLElementTagNameMap {
    'cb-phone-numbers': CbPhoneNumbers;
  }
}

export { CbPhoneNumbers };
