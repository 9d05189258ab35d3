/** What a log-call form hands its owner; the owner turns it into a server call. */
export interface LogCallValues {
  /** Index into the form's `targets`. */
  target: number;
  direction: 'inbound' | 'outbound';
  outcome: string;
  durationSeconds: number;
  notes?: string;
  dealId?: number;
}

export interface CreateContactValues {
  name: string;
  type: string;
}

/** Detail of every custom event our components fire, by event name. */
export interface CbEventMap {
  /** The rep asked to call a number (as typed or stored; the owner validates it). */
  'cb-dial': CustomEvent<{ phone: string }>;
  /** The rep asked who a number belongs to. */
  'cb-lookup': CustomEvent<{ phone: string }>;
  'cb-log-call-submit': CustomEvent<LogCallValues>;
  'cb-create-contact-submit': CustomEvent<CreateContactValues>;
  /** The rep gave up on a form. */
  'cb-cancel': CustomEvent<null>;
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
