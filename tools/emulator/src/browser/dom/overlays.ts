import type { InterfaceActions } from '@callbridge/core';
import type { ConfirmAnswer } from '../host/dispatch';
import type { HostInstance } from '../host/instances';
import { templateUrl } from '../host/urls';
import type { HostContext } from './host-context';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function overlays(): HTMLElement {
  return document.getElementById('fdk-overlays') ?? document.body;
}

/** A dialog frame: the overlay, a header with the title and a close button. */
export function dialog(title: string, small: boolean, onClose: () => void): { overlay: HTMLElement; box: HTMLElement } {
  const close = element('button', { type: 'button', title: 'Close', textContent: '×' });
  close.addEventListener('click', onClose);
  const box = element('div', { className: `fdk-dialog${small ? ' small' : ''}` }, element('header', {}, element('span', { textContent: title }), close));
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', title);
  const overlay = element('div', { className: 'fdk-overlay' }, box);
  overlay.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onClose();
  });
  overlays().append(overlay);
  return { overlay, box };
}

/** `showModal` / `showDialog`: the template in a dialog; a new instance whose parent is the opener. */
export function openModal(host: HostContext, opener: HostInstance, kind: 'showModal' | 'showDialog', args: InterfaceActions['showModal']): HostInstance {
  const url = templateUrl(host.state.product, args.template, location.origin);
  const opened: { instance?: HostInstance } = {};
  const { overlay, box } = dialog(args.title, kind === 'showDialog', () => opened.instance && host.dispose(opened.instance));
  overlay.dataset.testid = 'modal';
  const instance = (opened.instance = host.frame(box, url, { location: 'modal', parentId: opener.id, modalData: args.data ?? null, title: args.title }));
  void host.messenger.fire(instance, 'app.activated');
  return instance;
}

/** `showConfirm`: the product's confirmation dialog, answering with the label's role. */
export function openConfirm(args: InterfaceActions['showConfirm']): { answer: Promise<ConfirmAnswer>; dismiss(): void } {
  let settle: (answer: ConfirmAnswer) => void = () => {};
  const answer = new Promise<ConfirmAnswer>((resolve) => (settle = resolve));
  const { overlay, box } = dialog(args.title, true, () => choose('Cancel'));
  overlay.dataset.testid = 'confirm';
  const dismiss = () => overlay.remove();
  const choose = (value: ConfirmAnswer) => {
    dismiss();
    settle(value);
  };
  const cancel = element('button', { type: 'button', className: 'btn', textContent: args.cancelLabel ?? 'Cancel' });
  const save = element('button', { type: 'button', className: 'btn btn-primary', textContent: args.saveLabel ?? 'Save' });
  cancel.addEventListener('click', () => choose('Cancel'));
  save.addEventListener('click', () => choose('Save'));
  box.append(element('div', { className: 'body', textContent: args.message }), element('footer', {}, cancel, save));
  save.focus();
  return { answer, dismiss };
}

/** `showNotify`: a toast in the top right corner for five seconds. */
export function showToast(type: string, message: string, title?: string): void {
  let stack = document.querySelector<HTMLElement>('.fdk-toasts');
  if (!stack) {
    stack = element('div', { className: 'fdk-toasts' });
    stack.setAttribute('aria-live', 'polite');
    document.body.append(stack);
  }
  const toast = element('div', { className: `fdk-toast ${type}` }, ...(title ? [element('strong', { textContent: title })] : []), element('span', { textContent: message }));
  toast.setAttribute('role', 'status');
  toast.dataset.testid = 'toast';
  stack.append(toast);
  setTimeout(() => toast.remove(), 5_000);
}

const CREATE_FIELDS: Record<string, { segment: string; label: string; fields: [string, string][] }> = {
  contact: { segment: 'contacts', label: 'contact', fields: [['first_name', 'First name'], ['last_name', 'Last name'], ['email', 'Email'], ['mobile_number', 'Mobile']] },
  lead: { segment: 'leads', label: 'lead', fields: [['first_name', 'First name'], ['last_name', 'Last name'], ['email', 'Email'], ['mobile_number', 'Mobile']] },
  account: { segment: 'sales_accounts', label: 'sales account', fields: [['name', 'Name'], ['phone', 'Phone'], ['website', 'Website']] },
  deal: { segment: 'deals', label: 'deal', fields: [['name', 'Name'], ['amount', 'Amount']] },
  calllog: { segment: 'phone_calls', label: 'call log', fields: [['note', 'Note'], ['outcome', 'Outcome'], ['call_duration', 'Duration (s)']] },
};

/** `open`: the product's create form; saving creates the record and shows it (a call log stays on its record). */
export function openCreateForm(host: HostContext, id: string, navigate: (url: string) => Promise<unknown>): void {
  const spec = CREATE_FIELDS[id]!;
  const { product, entityType, recordId } = host.state;
  const { overlay, box } = dialog(`New ${spec.label}`, true, () => overlay.remove());
  overlay.dataset.testid = 'create-form';
  const form = element('form', { className: 'stack body', method: 'post', action: `/${product}/${spec.segment}` });
  for (const [name, label] of spec.fields) {
    form.append(element('div', { className: 'field' }, element('label', { textContent: label, htmlFor: `create-${name}` }), element('input', { type: 'text', name, id: `create-${name}` })));
  }
  if (id === 'calllog' && (entityType === 'contact' || entityType === 'lead') && recordId !== undefined) {
    form.append(element('input', { type: 'hidden', name: 'targetable_type', value: entityType === 'lead' ? 'Lead' : 'Contact' }));
    form.append(element('input', { type: 'hidden', name: 'targetable_id', value: String(recordId) }));
  }
  form.append(element('input', { type: 'hidden', name: 'return_to', value: location.pathname }));
  form.append(element('div', {}, element('button', { type: 'submit', className: 'btn btn-primary', textContent: 'Save' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void fetch(form.action, { method: 'POST', body: new FormData(form) }).then(async (response) => {
      overlay.remove();
      if (!response.ok) host.notify('danger', `Could not create the ${spec.label} (HTTP ${response.status}).`);
      else await navigate(response.url);
    });
  });
  box.append(form);
}
