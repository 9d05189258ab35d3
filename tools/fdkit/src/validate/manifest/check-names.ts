import type { FindingSink } from '../finding';
import { formatJsonPath } from '../json-path';
import { APP_EVENTS, EVENT_NAME_SHAPE, knowledgeOf } from '../platform/products';
import { MANIFEST_FILE, type ManifestModel, type ManifestSection } from './manifest-model';

/** Placeholder and event names must be ones each product knows (2.x; 3.x modules are not checked by name). */
export function checkProductNames(model: ManifestModel, sink: FindingSink): void {
  if (model.version.major !== 2) return;
  for (const section of model.sections) {
    const knowledge = knowledgeOf(section.name);
    if (!knowledge) {
      sink.warn('unknown-product', MANIFEST_FILE, formatJsonPath(section.path), `unknown product "${section.name}"; fdkit does not know its placeholders and events, so they are not checked (known: freshworks_crm, freshsales, freshdesk, freshservice, freshchat, freshcaller)`);
      continue;
    }
    checkPlaceholders(section, knowledge.label, knowledge.placeholders, sink);
    for (const { event, path } of section.events) checkEventName(event, formatJsonPath(path), section.name, knowledge.label, knowledge.events, sink);
  }
}

function checkPlaceholders(
  section: ManifestSection,
  label: string,
  placeholders: { names: readonly string[]; complete: boolean } | undefined,
  sink: FindingSink,
): void {
  if (!placeholders) return;
  for (const { placeholder, path } of section.locations) {
    if (placeholders.names.includes(placeholder)) continue;
    const message = `"${placeholder}" is not a ${label} placeholder; use one of: ${placeholders.names.join(', ')}`;
    if (placeholders.complete) sink.error('placeholder', MANIFEST_FILE, formatJsonPath(path), message);
    else sink.warn('placeholder', MANIFEST_FILE, formatJsonPath(path), `${message} (fdkit's ${label} list may be incomplete)`);
  }
}

/** Checks one event name against a product; also used for the 2.0 `exports.events` registrations. */
export function checkEventName(
  event: string,
  location: string,
  product: string,
  label: string,
  events: { names: readonly string[]; complete: boolean } | undefined,
  sink: FindingSink,
  file = MANIFEST_FILE,
): void {
  if ((APP_EVENTS as readonly string[]).includes(event)) return;
  if (!events) {
    if (!EVENT_NAME_SHAPE.test(event)) sink.error('event-name', file, location, `"${event}" is not an event name; platform events look like onTicketCreate`);
    return;
  }
  if (events.names.includes(event)) return;
  const hint = /^onLead/.test(event) && product === 'freshworks_crm' ? ' (leads exist only in Freshsales Classic, product "freshsales")' : '';
  const examples = events.names.filter((name) => !(APP_EVENTS as readonly string[]).includes(name)).slice(0, 4);
  const message = `"${event}" is not a ${label} event${hint}; use a product event such as ${examples.join(', ')}, or ${APP_EVENTS.join(', ')}`;
  if (events.complete) sink.error('event-name', file, location, message);
  else sink.warn('event-name', file, location, message);
}
