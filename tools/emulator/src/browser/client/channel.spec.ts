import { describe, expect, it, vi } from 'vitest';
import { FakeWindow, ORIGIN, rejectionOf, tick } from '../../../test/support/fake-windows';
import { platformError, raise } from '../platform-error';
import { InstanceRegistry } from '../host/instances';
import { createMessenger } from '../host/messenger';
import { callMessage, eventMessage, type InstanceContextValue, type Method } from '../protocol';
import { createClient } from './create-client';
import { EventHub } from './event-hub';
import { createTransport } from './transport';

/** A host window and one app frame, wired as in the browser, with a dispatcher that echoes. */
type Handler = (instance: { id: string }, method: Method, args: unknown[]) => Promise<unknown>;
const echo: Handler = (instance, method, args) => Promise.resolve(method === 'init' ? { instanceId: instance.id, location: 'contact_entity_menu', product: 'freshsales' } : { method, args });

function wire(handler: Handler = echo) {
  const dispatch = vi.fn(handler);
  const host = new FakeWindow('host');
  const frame = new FakeWindow('frame');
  const instances = new InstanceRegistry();
  const instance = instances.add({ location: 'contact_entity_menu', product: 'freshsales', frame: { contentWindow: frame.as(host) } });
  // The messenger compares event.source with the frame's window; give the frame's posts that identity.
  const frameWindow = instance.frame.contentWindow;
  const messenger = createMessenger({ self: host, origin: ORIGIN, instances, dispatch, ackTimeoutMs: 50 });
  const hub = new EventHub();
  const hostAsParent = { postMessage: (message: unknown, origin: string) => host.as(frameWindow).postMessage(message, origin) };
  const transport = createTransport({ self: frame, parent: hostAsParent, origin: ORIGIN, onEvent: (name, data) => hub.emit(name, data) });
  // The frame must see the host's messages as coming from its parent.
  const original = frame.deliver.bind(frame);
  frame.deliver = (data, _source, origin) => original(data, hostAsParent, origin);
  const context = transport.call('init', []) as Promise<InstanceContextValue>;
  const client = createClient({ product: 'freshsales', transport, hub, context });
  return { host, frame, instances, instance, messenger, client, dispatch, hub, hostAsParent, transport };
}

describe('client and host over postMessage', () => {
  it('initialises, then delivers queued events in order and acknowledges them', async () => {
    const { client, messenger, instance, frame } = wire();
    const seen: string[] = [];
    const fired = messenger.fire(instance, 'app.activated');
    expect(instance.queue).toHaveLength(1);
    const context = await client.instance.context();
    expect(context).toEqual({ instanceId: instance.id, instance_id: instance.id, location: 'contact_entity_menu' });
    client.events.on('app.activated', (event) => seen.push(event.type));
    await fired;
    await tick(5);
    expect(seen).toEqual(['app.activated']);
    const ack = messenger.fire(instance, 'app.deactivated');
    client.events.on('app.deactivated', (event) => seen.push(event.type));
    await ack;
    expect(seen).toEqual(['app.activated', 'app.deactivated']);
    expect(frame.received.every((event) => (event.data as { marker?: string }).marker === 'fdk-emulator')).toBe(true);
  });

  it('calls host methods with .fail and maps every client method to its wire call', async () => {
    const { client, dispatch } = wire();
    await client.instance.context();
    const calls = [
      client.data.get('loggedInUser'),
      client.interface.trigger('showNotify', { type: 'info', message: 'x' }),
      client.interface.trigger('open'),
      client.instance.get(),
      client.instance.send({ message: 1 }),
      client.instance.resize({ height: 300 }),
      client.instance.close(),
      client.iparams.get(),
      client.iparams.get('greeting'),
      client.db.set('k', { a: 1 }),
      client.db.set('k', { a: 1 }, { ttl: 60 }),
      client.db.get('k'),
      client.db.update('k', 'increment', { n: 1 }),
      client.db.update('k', 'set', { n: 1 }, { setIf: 'exist' }),
      client.db.delete('k'),
      client.request.get('https://api.example.com'),
      client.request.post('https://api.example.com', { body: '{}' }),
      client.request.invokeTemplate('getContact'),
      client.request.invokeTemplate('getContact', { context: { id: 1 } }),
      client.request.invoke('lookup'),
      client.request.invoke('lookup', { n: 1 }),
    ];
    await Promise.all(calls);
    expect(typeof calls[0]!.fail).toBe('function');
    const wireCalls = dispatch.mock.calls.slice(1).map(([, method, args]) => [method, args]);
    expect(wireCalls).toContainEqual(['db', [{ action: 'update', key: 'k', value: 'increment', attributes: { n: 1 } }]]);
    expect(wireCalls).toContainEqual(['request', [{ method: 'POST', url: 'https://api.example.com', options: { body: '{}' } }]]);
    expect(wireCalls).toContainEqual(['request.invokeTemplate', [{ template: 'getContact', options: {} }]]);
    expect(wireCalls).toContainEqual(['request.invoke', [{ name: 'lookup', payload: { n: 1 } }]]);
    expect(wireCalls).toContainEqual(['iparams.get', []]);
    expect(wireCalls).toHaveLength(calls.length);
  });

  it('rejects with the platform error the host answered', async () => {
    const dispatch: Handler = (instance, method) =>
      Promise.resolve().then(() =>
        method === 'init'
          ? { instanceId: instance.id, location: 'modal', product: 'freshsales', parentId: '1', modalData: { a: 1 } }
          : raise(platformError(400, 'interface.trigger: unknown action "x"')),
      );
    const { client } = wire(dispatch);
    expect(await client.instance.context()).toMatchObject({ parentId: '1', modalData: { a: 1 }, data: { a: 1 } });
    await expect(client.interface.trigger('x', {}).fail((e) => e)).resolves.toEqual({ status: 400, message: 'interface.trigger: unknown action "x"' });
  });

  it('delivers instance messages to receive callbacks', async () => {
    const { client, messenger, instance } = wire();
    await client.instance.context();
    const got: unknown[] = [];
    client.instance.receive((event) => got.push(event.helper.getData()));
    await messenger.fire(instance, 'instance.message', { senderId: '2', sender: '2', message: 'hi' });
    expect(got).toEqual([{ senderId: '2', sender: '2', message: 'hi' }]);
  });

  it('ignores malformed messages, strangers and other origins on both sides', async () => {
    const { host, frame, client, dispatch, hostAsParent, instance } = wire();
    await client.instance.context();
    const before = dispatch.mock.calls.length;
    const frameWindow = instance.frame.contentWindow;
    host.deliver('garbage', frameWindow);
    host.deliver({ marker: 'fdk-emulator', v: 1, kind: 'call', id: 'x', method: 'nope', args: [] }, frameWindow);
    host.deliver(callMessage('c1', 'data.get', ['loggedInUser']), {});
    host.deliver(callMessage('c2', 'data.get', ['loggedInUser']), frameWindow, 'https://evil.example');
    const seen = vi.fn();
    client.events.on('app.activated', seen);
    frame.deliver(eventMessage('e1', 'app.activated', {}), hostAsParent, 'https://evil.example');
    frame.deliver({ marker: 'fdk-emulator', kind: 'event' }, hostAsParent, ORIGIN);
    await tick(5);
    expect(dispatch.mock.calls.length).toBe(before);
    expect(seen).not.toHaveBeenCalled();
    await expect(client.data.get('loggedInUser')).resolves.toEqual({ method: 'data.get', args: ['loggedInUser'] });
  });

  it('answers with an error when the host cannot clone its answer, and times out events nobody acknowledges', async () => {
    const dispatch: Handler = (instance, method) => Promise.resolve(method === 'init' ? { instanceId: instance.id, location: 'x', product: 'freshsales' } : { fn: () => 1 });
    const { client, messenger, instance } = wire(dispatch);
    await client.instance.context();
    expect(await rejectionOf(client.data.get('x'))).toMatchObject({ status: 500 });
    expect((await rejectionOf(client.data.get('x'))).message).toMatch(/cannot be cloned/);
    instance.frame = { contentWindow: { postMessage: () => {} } };
    await expect(messenger.fire(instance, 'app.activated')).resolves.toBeUndefined();
  });
});

describe('transport', () => {
  it('rejects at once outside a frame, and when arguments cannot be cloned', async () => {
    const self = new FakeWindow('top');
    const alone = createTransport({ self, parent: self as never, origin: ORIGIN, onEvent: () => {} });
    expect((await rejectionOf(alone.call('data.get', ['x']))).message).toMatch(/not running inside the emulator/);
    const parent = new FakeWindow('host');
    const framed = createTransport({ self, parent: parent.as(self), origin: ORIGIN, onEvent: () => {} });
    expect(await rejectionOf(framed.call('interface.trigger', ['showNotify', { fn: () => 1 }]))).toMatchObject({ status: 400 });
  });

  it('rejects init when no host answers', async () => {
    const self = new FakeWindow('frame');
    const parent = new FakeWindow('host');
    const transport = createTransport({ self, parent: parent.as(self), origin: ORIGIN, onEvent: () => {}, initTimeoutMs: 10 });
    await expect(transport.call('init', [])).rejects.toMatchObject({ status: 504 });
  });
});
