/**
 * The script of the installation form drawn from `config/iparams.json`: field checks (required, type, regex), the
 * `change` callbacks named in `events` (functions of `config/assets/iparams.js`), `utils.get/set`, and the
 * `getConfigs` / `validate` / `postConfigs` contract the installation page calls, as an iparams.html would offer.
 */
type Field = HTMLElement & { dataset: DOMStringMap & { iparam: string; type: string } };
type Settable = { value?: unknown; visible?: boolean; hint?: string; label?: string; min?: number; max?: number; required?: boolean; disabled?: boolean; options?: string[] };

declare global {
  interface Window {
    utils: { get(key: string): unknown; set(key: string, props: Settable): void };
    getConfigs(values: Record<string, unknown>): void;
    validate(): Promise<boolean>;
    postConfigs(): Record<string, unknown>;
    __fdkShowErrors(errors: { iparam: string; message: string }[]): void;
    onFormLoad?: () => void;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const form = document.getElementById('fdk-iparams-form')!;
const fields = new Map([...form.querySelectorAll<Field>('.field[data-iparam]')].map((field) => [field.dataset.iparam, field]));
const callbackErrors = new Map<string, string>();
const pending = new Map<string, Promise<unknown>>();

const controls = (field: Field) => [...field.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')];

function read(field: Field): unknown {
  const [first] = controls(field);
  switch (field.dataset.type) {
    case 'checkbox':
      return (first as HTMLInputElement).checked;
    case 'multiselect':
      return [...(first as HTMLSelectElement).selectedOptions].map((option) => option.value);
    case 'radio':
      return controls(field).find((input) => (input as HTMLInputElement).checked)?.value ?? '';
    case 'number':
      return first!.value === '' ? '' : Number(first!.value);
    default:
      return first!.value;
  }
}

function write(field: Field, value: unknown): void {
  const list = controls(field);
  switch (field.dataset.type) {
    case 'checkbox':
      (list[0] as HTMLInputElement).checked = value === true || value === 'true';
      return;
    case 'multiselect': {
      const chosen = Array.isArray(value) ? value.map(String) : [String(value)];
      for (const option of (list[0] as HTMLSelectElement).options) option.selected = chosen.includes(option.value);
      return;
    }
    case 'radio':
      for (const input of list) (input as HTMLInputElement).checked = input.value === String(value);
      return;
    default:
      list[0]!.value = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value ? JSON.stringify(value) : '';
  }
}

function setError(name: string, message: string): void {
  const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
  if (slot) slot.textContent = message;
}

const blank = (value: unknown) => value === '' || value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/** The built-in checks of one field: what the platform's installation page refuses before any callback. */
function check(field: Field): string {
  const value = read(field);
  const label = field.querySelector('label')?.firstChild?.textContent?.trim() ?? field.dataset.iparam;
  if (blank(value)) return 'required' in field.dataset ? `${label} is required.` : '';
  if (field.dataset.type === 'email' && !EMAIL.test(String(value))) return `${label} must be an email address.`;
  if (field.dataset.type === 'url' && !URL.canParse(String(value))) return `${label} must be a URL.`;
  if (field.dataset.type === 'number' && !Number.isFinite(value)) return `${label} must be a number.`;
  if (field.dataset.regex && typeof value === 'string' && !new RegExp(field.dataset.regex).test(value)) return field.dataset.regexError ?? `${label} is not valid.`;
  return '';
}

function runCallback(field: Field): void {
  const name = field.dataset.iparam;
  const callbackName = field.dataset.change;
  if (!callbackName) return;
  const callback = (window as unknown as Record<string, unknown>)[callbackName];
  if (typeof callback !== 'function') {
    callbackErrors.set(name, `The ${callbackName} function does not exist for the '${name}' field.`);
    setError(name, callbackErrors.get(name)!);
    return;
  }
  const settle = (message: string) => {
    if (message) callbackErrors.set(name, message);
    else callbackErrors.delete(name);
    setError(name, message || check(field));
  };
  try {
    const result: unknown = (callback as (value: unknown) => unknown)(read(field));
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      const waiting = Promise.resolve(result).then(
        () => settle(''),
        (reason: unknown) => settle(typeof reason === 'string' ? reason : ((reason as { message?: string } | null)?.message ?? String(reason))),
      );
      pending.set(name, waiting);
      void waiting.finally(() => pending.get(name) === waiting && pending.delete(name));
    } else {
      settle(typeof result === 'string' ? result : '');
    }
  } catch (error) {
    settle(`${callbackName} failed: ${(error as Error).message}`);
  }
}

for (const field of fields.values()) {
  for (const control of controls(field)) {
    control.addEventListener('change', () => {
      setError(field.dataset.iparam, check(field));
      runCallback(field);
    });
  }
}

window.utils = {
  get: (key) => {
    const field = fields.get(key);
    return field ? read(field) : undefined;
  },
  set: (key, props) => {
    const field = fields.get(key);
    if (!field) return;
    const [first] = controls(field);
    if ('value' in props) write(field, props.value);
    if (props.visible !== undefined) field.hidden = !props.visible;
    if (props.hint !== undefined) field.querySelector(`[data-hint-for="${CSS.escape(key)}"]`)!.textContent = props.hint;
    if (props.label !== undefined) field.querySelector('label')!.firstChild!.textContent = props.label;
    if (props.required !== undefined) field.toggleAttribute('data-required', props.required);
    if (props.disabled !== undefined) for (const control of controls(field)) control.disabled = props.disabled;
    if (props.min !== undefined) first!.setAttribute('min', String(props.min));
    if (props.max !== undefined) first!.setAttribute('max', String(props.max));
    if (props.options && first instanceof HTMLSelectElement) {
      first.replaceChildren(...props.options.map((option) => new Option(option, option)));
    }
  },
};

window.getConfigs = (values) => {
  for (const [key, value] of Object.entries(values ?? {})) {
    const field = fields.get(key);
    if (field && !('stored' in field.dataset && blank(value))) write(field, value);
  }
};

window.validate = async () => {
  await Promise.all(pending.values());
  let valid = true;
  for (const field of fields.values()) {
    const name = field.dataset.iparam;
    const message = field.hidden ? '' : (callbackErrors.get(name) ?? check(field));
    setError(name, message);
    if (message) valid = false;
  }
  return valid;
};

window.postConfigs = () => {
  const values: Record<string, unknown> = {};
  const secure: string[] = [];
  for (const [name, field] of fields) {
    const value = read(field);
    if ('secure' in field.dataset) secure.push(name);
    if (blank(value)) continue;
    values[name] = value;
  }
  return { ...values, __meta: { secure } };
};

window.__fdkShowErrors = (errors) => {
  for (const error of errors) setError(error.iparam, error.message);
};

window.addEventListener('load', () => window.onFormLoad?.());

export {};
