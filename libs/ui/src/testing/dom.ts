import type { LitElement } from 'lit';

/** Waits until `element` and every Lit element in its shadow tree has rendered. */
export async function settle(element: Element): Promise<void> {
  const pending = [element, ...allElements(element)].filter((el): el is LitElement => 'updateComplete' in el);
  for (const el of pending) await el.updateComplete;
}

/** Creates `tag` with `properties`, attaches it to the document and waits for its first render. */
export async function render<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, properties);
  document.body.append(element);
  await settle(element);
  return element;
}

function allElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** Every element matching `selector` under `root`, looking into shadow roots as a user's eyes do. */
export function findAll<E extends Element = HTMLElement>(root: Element, selector: string): E[] {
  return allElements(root).filter((el): el is E => el.matches(selector));
}

/** The one element matching `selector`, or a failure naming the selector and what is on screen. */
export function find<E extends Element = HTMLElement>(root: Element, selector: string): E {
  const [first] = findAll<E>(root, selector);
  if (!first) throw new Error(`No "${selector}" on screen; it shows: ${deepText(root)}`);
  return first;
}

/** The text a user reads in `node`, shadow roots included, with whitespace collapsed. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const visit = (current: Node) => {
    if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
    if (current instanceof Element && current.shadowRoot) visit(current.shadowRoot);
    for (const child of current.childNodes) {
      if (child.nodeName !== 'STYLE') visit(child);
    }
  };
  visit(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The text of the one element matching `selector`. */
export function textOf(root: Element, selector: string): string {
  return deepText(find(root, selector));
}

/** Clicks the button (or other element) whose text or aria-label is `name`, or that matches a selector. */
export async function click(root: Element, name: string): Promise<void> {
  const target =
    findAll(root, 'button, a, [role="button"], input[type="radio"]').find(
      (el) => deepText(el) === name || el.getAttribute('aria-label') === name || (el as HTMLInputElement).labels?.[0]?.textContent?.trim() === name,
    ) ?? find(root, name);
  target.click();
  await settle(root);
}

/** Types `value` into the field labelled `label` (or matching a selector), as input events do. */
export async function type(root: Element, label: string, value: string): Promise<void> {
  const field = fieldFor<HTMLInputElement | HTMLTextAreaElement>(root, label);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(root);
}

/** Chooses the option whose text is `option` in the select labelled `label`. */
export async function select(root: Element, label: string, option: string): Promise<void> {
  const field = fieldFor<HTMLSelectElement>(root, label);
  const chosen = [...field.options].find((o) => o.text.trim() === option);
  if (!chosen) throw new Error(`"${label}" offers no "${option}"; it offers ${[...field.options].map((o) => o.text).join(', ')}`);
  field.value = chosen.value;
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle(root);
}

/** Presses `key` on the element matching `selector` (keydown, bubbling out of shadow roots). */
export async function press(root: Element, selector: string, key: string): Promise<void> {
  find(root, selector).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  await settle(root);
}

function fieldFor<E extends HTMLElement>(root: Element, label: string): E {
  const byLabel = findAll<HTMLLabelElement>(root, 'label').find((l) => l.textContent?.trim() === label);
  const field = byLabel?.htmlFor ? (byLabel.getRootNode() as ParentNode).querySelector<E>(`#${byLabel.htmlFor}`) : null;
  return field ?? find<E>(root, label);
}
