import { CbCallList } from './call-list.component';

if (!customElements.get('cb-call-list')) customElements.define('cb-call-list', CbCallList);

declare global {
  interface HTMLElementTagNameMap {
    'cb-call-list': CbCallList;
  }
}

export { CbCallList };
