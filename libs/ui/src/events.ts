/** Detail of every custom event our components fire, by event name. */
export interface CbEventMap {
  'cb-call-open': CustomEvent<{ callId: string }>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges our map into the DOM's
  interface GlobalEventHandlersEventMap extends CbEventMap {}
}

type DetailOf<K extends keyof CbEventMap> = CbEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches one of our events so it crosses shadow roots and bubbles to the placeholder root. */
export function emit<K extends keyof CbEventMap>(target: EventTarget, name: K, detail: DetailOf<K>): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
