import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { z } from 'zod';
import { createFakePlatform } from '../testing/fake-client';
import { defineMessages } from './contract';
import { createEnvelope } from './envelope';
import { createMessenger } from './messenger';

const calls = defineMessages({
  'call.logged': z.object({ callId: z.string(), contactId: z.number() }),
  'calls.find': {
    request: z.object({ phone: z.string().min(3) }),
    reply: z.array(z.object({ id: z.number(), name: z.string() })),
  },
  'calls.slow': { request: z.null(), reply: z.null() },
});

function setup() {
  const platform = createFakePlatform();
  const contactPanel = platform.client({ location: 'contact_entity_menu' });
  const phoneApp = platform.client({ location: 'left_nav_cti' });
  const dealPanel = platform.client({ location: 'deal_entity_menu' });
  return {
    platform,
    contactPanel,
    phoneApp,
    dealPanel,
    id: (client: typeof contactPanel) => platform.instanceIdOf(client),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('request and reply', () => {
  it('resolves with the typed, validated reply of the receiving instance', async () => {
    const { contactPanel, phoneApp, id } = setup();
    const handler = vi.fn((payload: { phone: string }) => [{ id: 1, name: `match for ${payload.phone}` }]);
    createMessenger(phoneApp, calls).onRequest('calls.find', handler);

    const reply = await createMessenger(contactPanel, calls).request(id(phoneApp), 'calls.find', { phone: '+14155550123' });

    expectTypeOf(reply).toEqualTypeOf<{ id: number; name: string }[]>();
    expect(reply).toEqual([{ id: 1, name: 'match for +14155550123' }]);
    expect(handler).toHaveBeenCalledWith({ phone: '+14155550123' }, { senderId: id(contactPanel) });
  });

  it('rejects with a clear timeout error when no reply comes (fake timers)', async () => {
    vi.useFakeTimers();
    const { contactPanel, phoneApp, id } = setup();
    createMessenger(phoneApp, calls).onRequest('calls.slow', () => new Promise<null>(() => undefined));

    const pending = createMessenger(contactPanel, calls).request(id(phoneApp), 'calls.slow', null, { timeoutMs: 2_000 });
    const outcome = expect(pending).rejects.toMatchObject({
      name: 'MessagingError',
      code: 'timeout',
      message: `No reply to request "calls.slow" from instance ${id(phoneApp)} within 2000 ms.`,
    });
    await vi.advanceTimersByTimeAsync(1_999);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
  });

  it('waits 5 s unless told', async () => {
    vi.useFakeTimers();
    const { contactPanel, phoneApp, id } = setup();
    createMessenger(phoneApp, calls).onRequest('calls.slow', () => new Promise<null>(() => undefined));
    const pending = createMessenger(contactPanel, calls).request(id(phoneApp), 'calls.slow', null);
    const outcome = expect(pending).rejects.toMatchObject({ code: 'timeout', message: expect.stringContaining('within 5000 ms') as unknown });
    await vi.advanceTimersByTimeAsync(5_000);
    await outcome;
  });

  it("passes the handler's failure back instead of timing out", async () => {
    const { contactPanel, phoneApp, id } = setup();
    createMessenger(phoneApp, calls).onRequest('calls.find', () => {
      throw new Error('CRM is down');
    });
    await expect(createMessenger(contactPanel, calls).request(id(phoneApp), 'calls.find', { phone: '123' })).rejects.toMatchObject({
      code: 'remote-error',
      message: `Instance ${id(phoneApp)} could not answer "calls.find": CRM is down`,
    });
  });

  it('says when the receiver has no handler for the type', async () => {
    const { contactPanel, phoneApp, id } = setup();
    createMessenger(phoneApp, calls).onRequest('calls.slow', () => null);
    await expect(createMessenger(contactPanel, calls).request(id(phoneApp), 'calls.find', { phone: '123' })).rejects.toMatchObject({
      code: 'remote-error',
      message: expect.stringContaining(`No handler for request "calls.find" in instance ${id(phoneApp)}.`) as unknown,
    });
  });

  it('checks payloads against the contract on both sides', async () => {
    const { contactPanel, phoneApp, dealPanel, id } = setup();
    const send = vi.spyOn(contactPanel.instance, 'send');
    const requester = createMessenger(contactPanel, calls);
    await expect(requester.request(id(phoneApp), 'calls.find', { phone: '1' })).rejects.toMatchObject({
      code: 'invalid-payload',
      message: expect.stringMatching(/^The payload of request "calls.find" does not match its contract: phone: /) as unknown,
    });
    expect(send).not.toHaveBeenCalled();

    createMessenger(phoneApp, calls).onRequest('calls.find', () => [{ id: 'not a number', name: 'x' }] as never);
    await expect(requester.request(id(phoneApp), 'calls.find', { phone: '123' })).rejects.toMatchObject({
      code: 'remote-error',
      message: expect.stringContaining(`The reply of this instance's "calls.find" handler does not match its contract: 0.id:`) as unknown,
    });

    // An instance on an older contract replying with something this side cannot read.
    const older = defineMessages({ 'calls.find': { request: z.unknown(), reply: z.string() } });
    createMessenger(dealPanel, older).onRequest('calls.find', () => 'old shape');
    await expect(requester.request(id(dealPanel), 'calls.find', { phone: '123' })).rejects.toMatchObject({
      code: 'invalid-payload',
      message: expect.stringContaining(`The reply to "calls.find" from instance ${id(dealPanel)} does not match its contract`) as unknown,
    });
  });

  it('rejects the request when the platform refuses to send it', async () => {
    const { platform, contactPanel } = setup();
    const modalParent = platform.client({ location: 'contact_entity_menu' });
    await modalParent.interface.trigger('showModal', { title: 'Log a call', template: 'modal.html' });
    const modal = platform.lastModal();
    modal.dismiss();
    await expect(createMessenger(contactPanel, calls).request(modal.instanceId, 'calls.find', { phone: '123' })).rejects.toMatchObject({
      code: 'send-failed',
      message: expect.stringContaining(`Could not send a message to instance ${modal.instanceId}: 400`) as unknown,
    });
  });

  it('refuses a non-positive timeout', async () => {
    const { contactPanel, phoneApp, id } = setup();
    await expect(createMessenger(contactPanel, calls).request(id(phoneApp), 'calls.slow', null, { timeoutMs: 0 })).rejects.toMatchObject({
      code: 'invalid-payload',
    });
  });

  it('allows one handler per type and instance, until it is removed', async () => {
    const { contactPanel, phoneApp, id } = setup();
    const messenger = createMessenger(phoneApp, calls);
    const remove = messenger.onRequest('calls.slow', () => null);
    expect(() => createMessenger(phoneApp, calls).onRequest('calls.slow', () => null)).toThrow(
      'A handler for request "calls.slow" is already registered on this instance.',
    );
    remove();
    remove();
    messenger.onRequest('calls.slow', () => null);
    await expect(createMessenger(contactPanel, calls).request(id(phoneApp), 'calls.slow', null)).resolves.toBeNull();
  });

  it('logs a reply it could not send, without throwing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { platform, contactPanel, phoneApp, id } = setup();
    createMessenger(phoneApp, calls).onRequest('calls.slow', () => null);
    vi.spyOn(phoneApp.instance, 'send').mockRejectedValue({ status: 400, message: 'receiver gone' });
    const request = createMessenger(contactPanel, calls).request(id(phoneApp), 'calls.slow', null, { timeoutMs: 50 });
    await expect(request).rejects.toMatchObject({ code: 'timeout' });
    expect(error).toHaveBeenCalledWith('[callbridge/messaging] a listener for "calls.slow" failed', expect.objectContaining({ code: 'send-failed' }));
    expect(platform.sent).toHaveLength(1);
  });
});

describe('broadcast', () => {
  it("reaches the app's other active instances but not the sender", async () => {
    const { contactPanel, phoneApp, dealPanel, id } = setup();
    const heard = { contact: vi.fn(), phone: vi.fn(), deal: vi.fn() };
    createMessenger(contactPanel, calls).onBroadcast('call.logged', heard.contact);
    createMessenger(phoneApp, calls).onBroadcast('call.logged', heard.phone);
    createMessenger(dealPanel, calls).onBroadcast('call.logged', heard.deal);

    const reached = await createMessenger(contactPanel, calls).broadcast('call.logged', { callId: 'c1', contactId: 16000001 });

    expect(reached).toEqual([id(phoneApp), id(dealPanel)]);
    await vi.waitFor(() => expect(heard.deal).toHaveBeenCalledTimes(1));
    expect(heard.phone).toHaveBeenCalledWith({ callId: 'c1', contactId: 16000001 }, { senderId: id(contactPanel) });
    expect(heard.contact).not.toHaveBeenCalled();
  });

  it('sends nothing when the sender is alone (a send without receivers would go to the parent)', async () => {
    const platform = createFakePlatform();
    const alone = platform.client();
    const send = vi.spyOn(alone.instance, 'send');
    await expect(createMessenger(alone, calls).broadcast('call.logged', { callId: 'c1', contactId: 1 })).resolves.toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses payloads that break the contract before sending', async () => {
    const { contactPanel } = setup();
    await expect(createMessenger(contactPanel, calls).broadcast('call.logged', { callId: 'c1' } as never)).rejects.toMatchObject({
      code: 'invalid-payload',
      message: expect.stringContaining('The payload of broadcast "call.logged" does not match its contract: contactId:') as unknown,
    });
  });

  it('ignores broadcasts whose payload does not match, with a debug line', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const { platform, contactPanel, phoneApp, id } = setup();
    const listener = vi.fn();
    const stop = createMessenger(phoneApp, calls).onBroadcast('call.logged', listener);
    const bad = createEnvelope('broadcast', 'b1', 'call.logged', { callId: 42 });
    await contactPanel.instance.send({ message: bad, receiver: [id(phoneApp)] });
    await vi.waitFor(() => expect(debug).toHaveBeenCalledWith(expect.stringContaining(`broadcast "call.logged" from instance ${id(contactPanel)} does not match the contract`), { callId: 42 }));
    expect(listener).not.toHaveBeenCalled();

    stop();
    await createMessenger(contactPanel, calls).broadcast('call.logged', { callId: 'c2', contactId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(listener).not.toHaveBeenCalled();
    expect(platform.sent).toHaveLength(2);
  });
});
