import { html, nothing } from 'lit';

/** The message beside a control, with the id its `aria-describedby` names (`<id>-error`). */
export function fieldError(id: string, error: string | undefined) {
  return error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing;
}

/** The submitted form's fields as trimmed text, by name ("" for a field it does not have). */
export function formText(submit: Event): (name: string) => string {
  const data = new FormData(submit.target as HTMLFormElement);
  return (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
}
