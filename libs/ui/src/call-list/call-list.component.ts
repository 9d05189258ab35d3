import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { emit } from '../events';
import { formatDuration } from '../format';
import { styles } from './call-list.styles';

export interface CallListItem {
  id: string;
  direction: 'inbound' | 'outbound';
  outcome: string;
  durationSeconds: number;
  /** ISO 8601 time the call started. */
  startedAt: string;
  notes?: string;
}

/**
 * The calls of a record, newest first.
 *
 * @fires cb-call-open - the rep chose a call; detail `{ callId }`
 */
export class CbCallList extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) calls: readonly CallListItem[] = [];
  @property({ attribute: 'empty-text' }) emptyText = 'No calls yet.';
  @property({ attribute: false }) formatTime: (iso: string) => string = (iso) => new Date(iso).toLocaleString();

  override render() {
    if (this.calls.length === 0) {
      return html`<p class="empty" part="empty">${this.emptyText}</p>`;
    }
    const newestFirst = [...this.calls].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
    return html`<ol aria-label="Recent calls">
      ${newestFirst.map(
        (call) =>
          html`<li>
            <button class="call" part="call" @click=${() => emit(this, 'cb-call-open', { callId: call.id })}>
              <span>${call.direction === 'inbound' ? 'Incoming' : 'Outgoing'} · ${call.outcome}</span>
              <span class="meta">${formatDuration(call.durationSeconds)}</span>
              <span class="meta">${this.formatTime(call.startedAt)}</span>
              ${call.notes ? html`<span class="notes">${call.notes}</span>` : nothing}
            </button>
          </li>`,
      )}
    </ol>`;
  }
}
