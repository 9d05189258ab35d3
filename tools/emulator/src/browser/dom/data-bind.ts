import type { InstanceContextValue } from '../protocol';

/** Installation pages: fills empty `data-bind="product.domain|product.api_key"` fields as the platform does. */
export function fillDataBind(doc: Document, values: InstanceContextValue['dataBind']): void {
  if (!values) return;
  const fill = () => {
    for (const element of doc.querySelectorAll<HTMLInputElement>('[data-bind]')) {
      const bound = values[element.getAttribute('data-bind') as keyof typeof values];
      if (bound !== undefined && !element.value) element.value = bound;
    }
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', fill, { once: true });
  else fill();
}
