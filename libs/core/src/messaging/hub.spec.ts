import { describe, expect, it, vi } from 'vitest';
import type { ClientEvent, InstanceMessageEnvelope, PlatformClient } from '../platform/client';
import { createFakePlatform } from '../testing/fake-client';
import { createEnvelope } from './envelope';
import { messageHub } from './hub';

function twoInstances() {
  const platform = createFakePlatform();
  const panel = platform.client({ location: 'contact_entity_menu' });
  const other = platform.client({ location: 'deal_entity_menu' });
  return { platform, panel, other, otherId: platform.instanceIdOf(other) };
}

async function deliveredTo(platform: ReturnType<typeof createFakePlatform>, from: PlatformClient, to: PlatformClient, message: object) {
  await from.instance.send({ message: message as never, receiver: [platform.instanceIdOf(to)] });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('messageHub', () => {
  it('registers instance.receive once per client, however many listeners', () => {
    const { panel } = twoInstances();
    const receive = vi.spyOn(panel.instance, 'receive');
    const hub = messageHub(panel);
    hub.listen(() => undefined);
    messageHub(panel).listen(() => undefined);
    expect(messageHub(panel)).toBe(hub);
    expect(receive).toHaveBeenCalledTimes(1);
  });

  it('fans one message out to every listener, once, even when the platform delivers it twice', async () => {
    const { platform, panel, other, otherId } = twoInstances();
    const first = vi.fn();
    const second = vi.fn();
    messageHub(panel).listen(first);
    messageHub(panel).listen(second);
    const envelope = createEnvelope('broadcast', 'same-id', 'call.logged', { callId: 'c1' });
    await deliveredTo(platform, other, panel, envelope);
    await deliveredTo(platform, other, panel, envelope);
    expect(first).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledWith(expect.objectContaining({ id: 'same-id', type: 'call.logged' }), otherId);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('ignores foreign and malformed messages with a debug line, never throwing', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const { platform, panel, other } = twoInstances();
    const listener = vi.fn();
    messageHub(panel).listen(listener);
    await deliveredTo(platform, other, panel, { name: 'James', email: 'james@example.com' });
    await deliveredTo(platform, other, panel, { cb: 1, kind: 'request', id: '', type: 'x' });
    expect(listener).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalledTimes(2);
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('[callbridge/messaging] ignored a message: not a Callbridge envelope'), expect.anything());
  });

  it('survives events without data and listeners that throw', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let deliver: (event: ClientEvent<InstanceMessageEnvelope>) => void = () => undefined;
    const { panel } = twoInstances();
    vi.spyOn(panel.instance, 'receive').mockImplementation((callback) => {
      deliver = callback;
    });
    const after = vi.fn();
    const hub = messageHub(panel);
    hub.listen(() => {
      throw new Error('listener bug');
    });
    const stop = hub.listen(after);

    expect(() => deliver({} as ClientEvent<InstanceMessageEnvelope>)).not.toThrow();
    expect(debug).toHaveBeenCalledWith('[callbridge/messaging] ignored a message: the event has no readable data', expect.any(TypeError));

    const message = createEnvelope('broadcast', 'b1', 'call.logged', null);
    deliver({ type: 'message', helper: { getData: () => ({ senderId: '9', message }) } });
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('[callbridge/messaging] a listener for "call.logged" failed', expect.any(Error));

    stop();
    deliver({ type: 'message', helper: { getData: () => ({ senderId: '9', message: { ...message, id: 'b2' } }) } });
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('forgets the oldest ids so memory stays bounded', () => {
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    let deliver: (event: ClientEvent<InstanceMessageEnvelope>) => void = () => undefined;
    const { panel } = twoInstances();
    vi.spyOn(panel.instance, 'receive').mockImplementation((callback) => {
      deliver = callback;
    });
    const listener = vi.fn();
    messageHub(panel).listen(listener);
    const send = (id: string) =>
      deliver({ type: 'message', helper: { getData: () => ({ senderId: '9', message: createEnvelope('broadcast', id, 't', null) }) } });
    for (let i = 0; i <= 500; i += 1) send(`id-${i}`);
    send('id-0');
    send('id-500');
    expect(listener).toHaveBeenCalledTimes(502);
  });

  it('fetches its own context once, and again after a failure', async () => {
    const { panel, platform } = twoInstances();
    const context = vi.spyOn(panel.instance, 'context').mockRejectedValueOnce({ status: 500, message: 'down' });
    const hub = messageHub(panel);
    await expect(hub.self()).rejects.toEqual({ status: 500, message: 'down' });
    await expect(hub.self()).resolves.toMatchObject({ instanceId: platform.instanceIdOf(panel) });
    await hub.self();
    expect(context).toHaveBeenCalledTimes(2);
  });
});
