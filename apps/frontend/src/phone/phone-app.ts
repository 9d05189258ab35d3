import { CbPhoneApp } from './phone-app.component';

if (!customElements.get('cb-phone-app')) customElements.define('cb-phone-app', CbPhoneApp);

declare global {
  interface HTMLElementTagNameMap {
    'cb-phone-app': CbPhoneApp;
  }
}

export { CbPhoneApp };
