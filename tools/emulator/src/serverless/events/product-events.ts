import { isEventOf } from '@callbridge/core';
import type { CrmStore } from '../../crm/store';
import type { RecordChange } from '../../crm/types';
import type { Installations } from '../../install/installations';
import type { EventRunner } from './event-runner';
import { eventsForChange, recordEventData } from './record-payload';

/**
 * Turns every record change in the CRM store into the product event the platform would fire, when the app is
 * installed in that product and registers the event. Handlers run in the background; the change never waits.
 */
export function productEventsListener(store: CrmStore, installations: Installations, runner: EventRunner): (change: RecordChange) => void {
  return (change) => {
    if (!installations.get(change.product)) return;
    const registered = runner.registered(change.product);
    const event = eventsForChange(change).find((name) => registered[name] && isEventOf(change.product, name));
    if (!event) return;
    const payload = { ...runner.base(change.product, event), data: recordEventData(store, change) };
    void runner.run(change.product, event, payload);
  };
}
