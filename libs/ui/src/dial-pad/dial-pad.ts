import { CbDialPad } from './dial-pad.component';

if (!customElements.get('cb-dial-pad')) customElements.define('cb-dial-pad', CbDialPad);

declare global {
  interface HTMLElementTagNameMap {
    'cb-dial-pad': CbDialPad;
  }
}

export { CbDialPad };
