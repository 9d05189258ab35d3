import { html, LitElement, nothing } from 'lit';
import { formatDuration, formatTime } from '../format';
import { panel } from '../i18n/en/panel';
import { addStrings, t } from '../i18n/t';
import { theme } from '../theme.styles';
import { styles } from './call-list.styles';

export interface CallListItem {
  id: string;
  direction: 'inbound' | 'outbound';
  outcome: string;
  durationSeconds: number;
  /** ISO 8601 time the call started. */
  startedAt: string;
  notes?: string;
  /** Who the call was with, shown where several people's calls mix (deal, account). */
  target?: { name?: string };
}

addStrings(panel);

/** The calls of a record, newest first. Names and notes are text, never markup. */
export class CbCallList extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    calls: { attribute: false },
    showTarget: { type: Boolean, attribute: 'show-target' },
    formatTime: { attribute: false },
  };

  calls: readonly CallListItem[] = [];
  /** Say who each call was with. */
  showTarget = false;
  formatTime: (iso: string) => string = formatTime;

  override render() {
    if (this.calls.length === 0) return html`<p class="muted">${t('calls.empty')}</p>`;
    const newestFirst = [...this.calls].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
    return html`<ul aria-label=${t('calls.title')}>
      ${newestFirst.map(
        (call) =>
          html`<li>
            ${t(`direction.${call.direction}`)} · ${call.outcome}
            <span class="muted">${formatDuration(call.durationSeconds)} · ${this.formatTime(call.startedAt)}</span>
            ${this.showTarget && call.target?.name ? html`<span class="muted">${t('calls.with', { name: call.target.name })}</span>` : nothing}
            ${call.notes ? html`<span class="notes">${call.notes}</span>` : nothing}
          </li>`,
      )}
    </ul>`;
  }
}
