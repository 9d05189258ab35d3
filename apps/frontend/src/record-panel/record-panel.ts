import { CbRecordPanel } from './record-panel.component';

if (!customElements.get('cb-record-panel')) customElements.define('cb-record-panel', CbRecordPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cb-record-panel': CbRecordPanel;
  }
}

export { CbRecordPanel };
