import { html, nothing } from 'lit';
import { t } from './i18n/t';

/** The honest "we are waiting" state; `role=status` so screen readers hear it. */
export function loadingView(text = t('loading')) {
  return html`<p class="muted" role="status">${text}</p>`;
}

/** An error the rep can act on: what happened and, when trying again can help, a Retry button. */
export function errorView(message: string, retry?: () => void) {
  return html`<div class="alert" role="alert">
    <p>${message}</p>
    ${retry ? html`<button type="button" class="btn" @click=${retry}>${t('retry')}</button>` : nothing}
  </div>`;
}
