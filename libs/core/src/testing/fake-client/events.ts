import type { ClientEvent, ClientEventName, ClientEvents, InstanceLocation } from '../../platform/client';
import { copy } from './errors';
import { isModalLike, type EventListener, type FakeInstance } from './registry';

/** Which placeholders the product fires each event at, when a test does not name the targets. */
const EVENT_LOCATIONS: Partial<Record<ClientEventName, readonly InstanceLocation[]>> = {
  calling: ['left_nav_cti'],
  'contact.update': ['contact_entity_menu'],
  'deal.update': ['deal_entity_menu'],
  'account.update': ['sales_account_entity_menu'],
  'lead.update': ['lead_entity_menu'],
};

const EVENT_NAMES: readonly ClientEventName[] = [
  'app.activated',
  'app.deactivated',
  'calling',
  'contact.update',
  'deal.update',
  'account.update',
  'lead.update',
];

export function isClientEventName(name: unknown): name is ClientEventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

/** The default targets: `app.activated`/`deactivated` reach every placeholder (not modals), the others their page. */
export function eventTargets(name: ClientEventName, instances: FakeInstance[]): FakeInstance[] {
  const locations = EVENT_LOCATIONS[name];
  return instances.filter((instance) => instance.active && !isModalLike(instance) && (locations === undefined || locations.includes(instance.location)));
}

export function createEventsApi(instance: FakeInstance): ClientEvents {
  return {
    // `never` accepts the listener of every overload (`calling` listeners expect CallingEventData).
    on(name: ClientEventName, callback: (event: ClientEvent<never>) => unknown) {
      if (!isClientEventName(name)) {
        throw new TypeError(`events.on: unknown event "${String(name)}"; known: ${EVENT_NAMES.join(', ')}.`);
      }
      const listeners = instance.listeners.get(name) ?? [];
      listeners.push(callback as EventListener);
      instance.listeners.set(name, listeners);
    },
  };
}

/**
 * Fires `name` at `targets` on a microtask and resolves once every listener ran, awaiting listeners that return
 * promises, so a test can `await platform.emit(...)` and then look at the result. A failing listener fails the emit.
 */
export async function fireEvent(name: ClientEventName, data: unknown, targets: FakeInstance[]): Promise<void> {
  await Promise.resolve();
  const runs: unknown[] = [];
  for (const target of targets) {
    if (!target.active) continue;
    for (const listener of [...(target.listeners.get(name) ?? [])]) {
      const event: ClientEvent = { type: name, helper: { getData: () => copy(data) } };
      runs.push(listener(event));
    }
  }
  await Promise.all(runs);
}
