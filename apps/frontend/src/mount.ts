import '@callbridge/ui';
import type { CallListItem } from '@callbridge/ui';

/** Renders a placeholder's recent calls into its template's body. */
export function mountCallList(doc: Document, calls: readonly CallListItem[]): HTMLElement {
  const list = doc.createElement('cb-call-list');
  list.calls = calls;
  doc.body.replaceChildren(list);
  return list;
}
