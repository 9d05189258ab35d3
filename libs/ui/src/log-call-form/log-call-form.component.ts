import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { emit } from '../events';
import { formatDuration } from '../format';
import { parseDuration } from '../forms/duration';
import { fieldError, formText } from '../forms/fields';
import { formStyles } from '../forms/forms.styles';
import { forms } from '../i18n/en/forms';
import { addStrings, t } from '../i18n/t';
import { theme } from '../theme.styles';

/** A record a call can be logged against. */
export interface LogTarget {
  type: string;
  id: number;
  name?: string;
}

addStrings(forms);

export const MAX_NOTES = 2_000;
const MAX_DURATION_SECONDS = 86_400;

type FieldName = 'outcome' | 'duration' | 'notes';

/**
 * "Log a call": direction, outcome, duration, notes and, when given, the related deal. Fields are checked on submit
 * with the message beside each; what the rep typed stays while the owner saves or shows a server `error`.
 *
 * @fires cb-log-call-submit - valid values; detail `LogCallValues`
 * @fires cb-cancel - the rep pressed Cancel
 */
export class CbLogCallForm extends LitElement {
  static override styles = [theme, formStyles];
  static override properties = {
    targets: { attribute: false },
    outcomes: { attribute: false },
    deals: { attribute: false },
    phone: {},
    direction: {},
    outcome: {},
    duration: { type: Number },
    busy: { type: Boolean },
    error: {},
    errors: { state: true },
  };

  /** Who the call was with; several are offered as a choice. */
  targets: readonly LogTarget[] = [];
  outcomes: readonly string[] = [];
  deals: readonly { id: number; name: string }[] = [];
  phone = '';
  direction: 'inbound' | 'outbound' = 'outbound';
  /** The outcome chosen at the start (one of `outcomes`); none asks the rep to choose. */
  outcome = '';
  /** Seconds the duration field starts with. */
  duration = 0;
  busy = false;
  /** A failure to save, shown above the buttons. */
  error = '';
  private errors: Partial<Record<FieldName, string>> = {};

  override render() {
    const { errors, targets } = this;
    const aria = (name: FieldName) => [errors[name] ? 'true' : 'false', errors[name] ? `${name}-error` : nothing] as const;
    const [outcomeInvalid, outcomeHelp] = aria('outcome');
    const [durationInvalid, durationHelp] = aria('duration');
    const [notesInvalid, notesHelp] = aria('notes');
    return html`<form novalidate @submit=${this.onSubmit}>
      ${targets.length > 1
        ? html`<div class="field">
            <label for="target">${t('form.target')}</label>
            <select id="target" name="target">
              ${targets.map((target, index) => html`<option value=${index}>${target.name}</option>`)}
            </select>
          </div>
          <p class="muted">${this.phone}</p>`
        : html`<p><strong>${targets[0]?.name}</strong> <span class="muted">${this.phone}</span></p>`}
      <div class="row">
        <fieldset class="field">
          <legend>${t('form.direction')}</legend>
          ${(['outbound', 'inbound'] as const).map(
            (direction) =>
              html`<label class="radio"
                ><input type="radio" name="direction" value=${direction} ?checked=${this.direction === direction} />${t(`direction.${direction}`)}</label
              >`,
          )}
        </fieldset>
        <div class="field">
          <label for="outcome">${t('form.outcome')}</label>
          <select id="outcome" name="outcome" aria-invalid=${outcomeInvalid} aria-describedby=${outcomeHelp}>
            <option value="">${t('form.outcome.pick')}</option>
            ${this.outcomes.map((outcome) => html`<option>${outcome}</option>`)}
          </select>
          ${fieldError('outcome', errors.outcome)}
        </div>
        <div class="field">
          <label for="duration">${t('form.duration')}</label>
          <input id="duration" name="duration" value=${formatDuration(this.duration)} aria-invalid=${durationInvalid} aria-describedby=${durationHelp} />
          ${fieldError('duration', errors.duration)}
        </div>
      </div>
      ${this.deals.length > 0
        ? html`<div class="field">
            <label for="deal">${t('form.deal')}</label>
            <select id="deal" name="deal">
              <option value="">${t('form.deal.none')}</option>
              ${this.deals.map((deal) => html`<option value=${deal.id}>${deal.name}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="notes">${t('form.notes')}</label>
        <textarea id="notes" name="notes" rows="3" aria-invalid=${notesInvalid} aria-describedby=${notesHelp}></textarea>
        ${fieldError('notes', errors.notes)}
      </div>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class="btn btn-primary" ?disabled=${this.busy}>${t(this.busy ? 'form.saving' : 'form.save')}</button>
        <button type="button" class="btn" @click=${() => emit(this, 'cb-cancel', null)}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  override updated(changed: PropertyValues<this>) {
    // The outcome the form starts with; what the rep chooses afterwards stays until the owner gives another.
    if (changed.has('outcome')) this.renderRoot.querySelector<HTMLSelectElement>('#outcome')!.value = this.outcome;
  }

  private onSubmit = async (event: Event) => {
    event.preventDefault();
    const text = formText(event);
    const outcome = text('outcome');
    const durationSeconds = parseDuration(text('duration'));
    const notes = text('notes');
    const errors: Partial<Record<FieldName, string>> = {};
    if (!outcome) errors.outcome = t('form.outcome.required');
    if (durationSeconds === undefined) errors.duration = t('form.duration.invalid');
    else if (durationSeconds > MAX_DURATION_SECONDS) errors.duration = t('form.duration.max');
    if (notes.length > MAX_NOTES) errors.notes = t('form.notes.max', { max: MAX_NOTES });
    this.errors = errors;
    if (durationSeconds === undefined || Object.keys(errors).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (this.busy) return;
    emit(this, 'cb-log-call-submit', {
      target: Number(text('target')),
      direction: text('direction') === 'inbound' ? 'inbound' : 'outbound',
      outcome,
      durationSeconds,
      notes: notes || undefined,
      dealId: Number(text('deal')) || undefined,
    });
  };
}
