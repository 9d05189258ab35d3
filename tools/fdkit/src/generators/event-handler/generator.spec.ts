import { describe, expect, it } from 'vitest';
import { generatorTree, textOf } from '../../testing/generator-tree';
import eventHandlerGenerator, { eventKind } from './generator';

const serverless = 'apps/serverless';

describe('event-handler generator', () => {
  it('writes a product event handler reading the record, its test over the platform’s samples, and its app-part file', () => {
    const tree = generatorTree();
    eventHandlerGenerator(tree, { event: 'onTaskCreate' });
    const handler = textOf(tree, `${serverless}/src/exports/onTaskCreate.ts`);
    expect(handler).toContain("export type OnTaskCreatePayload = EventPayload<'onTaskCreate'>;");
    expect(handler).toContain("export const onTaskCreate = defineHandler('onTaskCreate', (payload: OnTaskCreatePayload, ctx) => {\n  const task = recordOf(payload);");
    const spec = textOf(tree, `${serverless}/src/exports/onTaskCreate.spec.ts`);
    expect(spec).toContain("import freshworksCrmSample from '@callbridge/core/payloads/freshworks_crm/onTaskCreate.json';");
    expect(spec).toContain("import freshsalesSample from '@callbridge/core/payloads/freshsales/onTaskCreate.json';");
    expect(spec).not.toContain('test_data');
    expect(textOf(tree, `${serverless}/src/app-part/events/onTaskCreate.ts`)).toContain(
      "export default { event: 'onTaskCreate', handler: 'onTaskCreate', products: ['freshworks_crm', 'freshsales'] } satisfies EventDefinition;",
    );
    expect(tree.exists(`${serverless}/test_data/onTaskCreate.json`)).toBe(false);
  });

  it('ships the platform’s sample as the app’s own when asked', () => {
    const tree = generatorTree();
    eventHandlerGenerator(tree, { event: 'onTaskCreate', handler: 'logTaskCreated', products: 'freshsales', sample: true });
    expect(JSON.parse(textOf(tree, `${serverless}/test_data/onTaskCreate.json`))).toMatchObject({ event: 'onTaskCreate', productContext: { name: 'freshsales' } });
    expect(textOf(tree, `${serverless}/src/exports/logTaskCreated.spec.ts`)).toContain("import ownSample from '../../test_data/onTaskCreate.json';");
    expect(textOf(tree, `${serverless}/src/app-part/events/onTaskCreate.ts`)).toContain("handler: 'logTaskCreated', products: ['freshsales']");
  });

  it('parses an external event’s body with its own schema, and ships a sample of it', () => {
    const tree = generatorTree();
    eventHandlerGenerator(tree, { event: 'onExternalEvent', handler: 'onWebhook' });
    const handler = textOf(tree, `${serverless}/src/exports/onWebhook.ts`);
    expect(handler).toContain('export const onWebhookBodySchema = z.looseObject({');
    expect(handler).toContain('export type OnWebhookBody = z.infer<typeof onWebhookBodySchema>;');
    expect(JSON.parse(textOf(tree, `${serverless}/test_data/onExternalEvent.json`))).toMatchObject({ event: 'onExternalEvent', data: { event: 'sample.created' } });
  });

  it('parses a scheduled event’s data with its own schema, and ships a sample of it unless told not to', () => {
    const tree = generatorTree();
    eventHandlerGenerator(tree, { event: 'onScheduledEvent' });
    expect(textOf(tree, `${serverless}/src/exports/onScheduledEvent.ts`)).toContain('export const onScheduledEventDataSchema = z.object({');
    expect(JSON.parse(textOf(tree, `${serverless}/test_data/onScheduledEvent.json`))).toMatchObject({ data: { kind: 'sample' } });
    const other = generatorTree();
    eventHandlerGenerator(other, { event: 'onScheduledEvent', sample: false });
    expect(other.exists(`${serverless}/test_data/onScheduledEvent.json`)).toBe(false);
  });

  it('answers an app setup event', () => {
    const tree = generatorTree();
    eventHandlerGenerator(tree, { event: 'afterAppUpdate' });
    expect(textOf(tree, `${serverless}/src/exports/afterAppUpdate.ts`)).toContain("defineHandler('afterAppUpdate', (payload: AfterAppUpdatePayload) => ({ event: payload.event }))");
  });

  it('tells the kinds apart', () => {
    expect(['onContactCreate', 'onExternalEvent', 'onScheduledEvent', 'onAppUninstall'].map(eventKind)).toEqual(['record', 'external', 'scheduled', 'app']);
  });

  it.each([
    [{ event: 'onAppInstall' }, /onAppInstall is already handled by this app .* the platform calls one handler per event/],
    [{ event: 'onTicketCreate' }, /event "onTicketCreate": not an event Freshworks CRM or Freshsales sends/],
    [{ event: 'onLeadCreate', products: 'freshworks_crm' }, /--products: event onLeadCreate is not available in freshworks_crm; choose among freshsales/],
    [{ event: 'onTaskCreate', handler: 'findByPhone' }, /--handler "findByPhone": server.js already exports a handler of that name/],
    [{ event: 'onTaskCreate', handler: 'on-task' }, /--handler "on-task": use a JavaScript identifier/],
  ])('refuses %j, saying why', (options, message) => {
    const tree = generatorTree();
    const before = tree.listChanges().length;
    expect(() => eventHandlerGenerator(tree, options)).toThrow(message);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses an event an earlier generated file registers, and a sample the app already ships', () => {
    const tree = generatorTree();
    eventHandlerGenerator(tree, { event: 'onTaskCreate' });
    expect(() => eventHandlerGenerator(tree, { event: 'onTaskCreate', handler: 'again' })).toThrow(/onTaskCreate is already handled/);
    tree.write(`${serverless}/test_data/onScheduledEvent.json`, '{}');
    expect(() => eventHandlerGenerator(tree, { event: 'onScheduledEvent' })).toThrow(`${serverless}/test_data/onScheduledEvent.json already exists: the app already ships it`);
  });

  it('needs the platform’s sample to start the app’s own from', () => {
    const tree = generatorTree();
    tree.delete('libs/core/payloads/freshworks_crm/onExternalEvent.json');
    expect(() => eventHandlerGenerator(tree, { event: 'onExternalEvent' })).toThrow('libs/core/payloads/freshworks_crm/onExternalEvent.json: not found');
  });
});
