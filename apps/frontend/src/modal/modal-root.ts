import { CbModalRoot } from './modal-root.component';

if (!customElements.get('cb-modal-root')) customElements.define('cb-modal-root', CbModalRoot);

declare global {
  interface HTMLElementTagNameMap {
    'cb-modal-root': CbModalRoot;
  }
}

export { CbModalRoot };
