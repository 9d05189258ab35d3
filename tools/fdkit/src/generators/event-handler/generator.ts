import { APP_EVENTS, EVENT_RECORD_KEY, isEventOf, PRODUCT_EVENTS, type ProductName } from '@callbridge/core';
import { generateFiles, joinPathFragments, names, type Tree } from '@nx/devkit';
import { chooseProducts, exportedNames, GeneratorError, literalList, modulesIn, quotedValues, readAppLayout, refuseExisting, type AppLayout } from '../workspace';

export interface EventHandlerOptions {
  event: string;
  /** The export server.js gets; the event's name by default. */
  handler?: string;
  products?: string;
  /** Ship `test_data/<event>.json`; by default for external and scheduled events, whose data is the app's own. */
  sample?: boolean;
}

/** What the body starts from: a CRM record, a third party's body, a schedule's data, or an app setup envelope. */
export type EventKind = 'record' | 'external' | 'scheduled' | 'app';

/** The platform's samples, one per event and product, kept in the core with the rest of the platform's contract. */
const PAYLOADS = 'libs/core/payloads';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function eventKind(event: string): EventKind {
  if (event === 'onExternalEvent') return 'external';
  if (event === 'onScheduledEvent') return 'scheduled';
  return (APP_EVENTS as readonly string[]).includes(event) ? 'app' : 'record';
}

/** The handlers server.js already exports: `src/server.ts`'s and one per file of `src/exports/`. */
export function serverExports(tree: Tree, layout: AppLayout): string[] {
  return [...exportedNames(tree, joinPathFragments(layout.serverless, 'src/server.ts')), ...modulesIn(tree, joinPathFragments(layout.serverless, 'src/exports'))];
}

/** A handler or server method name: a JavaScript identifier that server.js does not export yet. */
export function newExportName(tree: Tree, layout: AppLayout, name: string, option: string): string {
  if (!IDENTIFIER.test(name)) throw new GeneratorError(`${option} "${name}": use a JavaScript identifier, such as onTaskCreate`);
  if (serverExports(tree, layout).includes(name)) {
    throw new GeneratorError(`${option} "${name}": server.js already exports a handler of that name (${layout.serverless}/src/server.ts or src/exports/); choose another`);
  }
  return name;
}

/** The app's own sample: the platform's, with data the app's schema accepts for external and scheduled events. */
function ownSample(tree: Tree, event: string, kind: EventKind, product: ProductName): string {
  const platformSample = tree.read(`${PAYLOADS}/${product}/${event}.json`, 'utf-8');
  if (platformSample === null) throw new GeneratorError(`${PAYLOADS}/${product}/${event}.json: not found; the core keeps a sample of every event`);
  const sample = JSON.parse(platformSample) as Record<string, unknown>;
  if (kind === 'scheduled') sample.data = { kind: 'sample' };
  if (kind === 'external') sample.data = { event: 'sample.created' };
  return `${JSON.stringify(sample, null, 2)}\n`;
}

/**
 * A product, external or scheduled event handler: `src/exports/<handler>.ts` (`defineHandler`, with its payload type),
 * its test against the platform's own samples, `src/app-part/events/<event>.ts`, which the serverless build adds to the
 * app part and server.js, and, when asked, `test_data/<event>.json`.
 */
export default function eventHandlerGenerator(tree: Tree, options: EventHandlerOptions): void {
  const layout = readAppLayout(tree);
  const { event } = options;
  const known = [...new Set(Object.values(PRODUCT_EVENTS).flat())] as string[];
  if (!known.includes(event)) throw new GeneratorError(`event "${event}": not an event Freshworks CRM or Freshsales sends; use one of ${known.join(', ')}`);
  const products = chooseProducts(
    options.products,
    layout.products.filter((product) => isEventOf(product, event)),
    `event ${event}`,
  );
  const partFiles = [
    joinPathFragments(layout.serverless, 'src/app-part.ts'),
    ...modulesIn(tree, joinPathFragments(layout.serverless, 'src/app-part/events')).map((name) => joinPathFragments(layout.serverless, `src/app-part/events/${name}.ts`)),
  ];
  if (quotedValues(tree, partFiles, 'event').includes(event)) {
    throw new GeneratorError(`${event} is already handled by this app (see ${layout.serverless}/src/app-part.ts and src/app-part/events/): the platform calls one handler per event, so extend that one`);
  }
  const handler = newExportName(tree, layout, options.handler ?? event, '--handler');
  const kind = eventKind(event);
  const sample = options.sample ?? (kind === 'external' || kind === 'scheduled');
  const testData = joinPathFragments(layout.serverless, `test_data/${event}.json`);
  refuseExisting(tree, [joinPathFragments(layout.serverless, `src/app-part/events/${event}.ts`), ...(sample ? [testData] : [])], 'the app already ships it');

  const recordKey = (EVENT_RECORD_KEY as Readonly<Record<string, string>>)[event];
  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files'), layout.serverless, {
    event,
    handler,
    kind,
    sample,
    products: literalList(products),
    productNames: products.join(' and '),
    samples: products.map((product) => ({ product, variable: `${names(product).propertyName}Sample` })),
    payloadType: `${names(event).className}Payload`,
    recordVar: recordKey ? names(recordKey).propertyName : '',
    schemaName: `${names(handler).propertyName}${kind === 'external' ? 'Body' : 'Data'}Schema`,
    dataType: `${names(handler).className}${kind === 'external' ? 'Body' : 'Data'}`,
  });
  if (sample) tree.write(testData, ownSample(tree, event, kind, products[0]!));
}
