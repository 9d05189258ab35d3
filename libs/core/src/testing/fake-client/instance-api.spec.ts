import { describe, expect, it, vi } from 'vitest';
import type { InstanceMessageEnvelope, JsonValue } from '../../platform/client';
import { createFakePlatform } from '../fake-client';

function page(options: Parameters<typeof createFakePlatform>[0] = {}) {
  const platform = createFakePlatform(options);
  const contact = platform.client({ location: 'contact_entity_menu' });
  const phone = platform.client({ location: 'left_nav_cti' });
  const deal = platform.client({ location: 'deal_entity_menu' });
  const inbox = (client: typeof contact) => {
    const received: InstanceMessageEnvelope[] = [];
    client.instance.receive((event) => received.push(event.helper.getData()));
    return received;
  };
  return { platform, contact, phone, deal, inbox };
}

describe('instance.send and receive', () => {
  it('delivers to the receivers asynchronously, as {senderId, message}, to every registration', async () => {
    const { platform, contact, phone, deal, inbox } = page();
    const phoneInbox = inbox(phone);
    const second = inbox(phone);
    const dealInbox = inbox(deal);
    const contactInbox = inbox(contact);
    const sending = contact.instance.send({ message: { hello: 'there' }, receiver: ['2', '3'] });
    expect(phoneInbox).toEqual([]);
    await sending;
    await Promise.resolve();
    expect(phoneInbox).toEqual([{ senderId: '1', message: { hello: 'there' } }]);
    expect(second).toEqual(phoneInbox);
    expect(dealInbox).toEqual(phoneInbox);
    expect(contactInbox).toEqual([]);
    expect(platform.sent).toEqual([{ from: '1', to: ['2', '3'], message: { hello: 'there' } }]);
  });

  it('sends to the parent when there is no receiver, nesting the message if asked', async () => {
    const { platform, contact, inbox } = page({ nestedMessages: true });
    const contactInbox = inbox(contact);
    await contact.interface.trigger('showModal', { title: 'Log a call', template: 'modal.html' });
    await platform.lastModal().client.instance.send({ message: 'done' });
    await vi.waitFor(() => expect(contactInbox).toEqual([{ senderId: '4', message: { message: 'done' } }]));
  });

  it('rejects sends the platform would refuse, delivering nothing', async () => {
    const { platform, contact, phone, inbox } = page();
    const phoneInbox = inbox(phone);
    await contact.interface.trigger('showModal', { title: 'Log a call', template: 'modal.html' });
    const modal = platform.lastModal();
    modal.dismiss();
    const send = (message: unknown, receiver?: unknown) => contact.instance.send({ message: message as JsonValue, receiver: receiver as string[] });

    await expect(send('x', ['2', modal.instanceId])).rejects.toEqual({
      status: 400,
      message: `instance.send: receiver ${modal.instanceId} is not active; receivers must be active (see instance.get()).`,
      errorSource: 'APP',
    });
    await expect(send('x')).rejects.toMatchObject({ status: 400, message: expect.stringContaining('instance 1 has no parent') as unknown });
    await expect(send('x', [])).rejects.toMatchObject({ status: 400, message: expect.stringContaining('non-empty array') as unknown });
    await expect(send('x', ['99'])).rejects.toMatchObject({ status: 400, message: 'instance.send: no instance "99".' });
    await expect(send(undefined, ['2'])).rejects.toMatchObject({ status: 400, message: expect.stringContaining('message is required') as unknown });
    await expect(send({ fn: () => 1 }, ['2'])).rejects.toMatchObject({ status: 400, message: expect.stringContaining('cannot be cloned') as unknown });
    await expect(modal.client.instance.send({ message: 'late' })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('is closed') as unknown });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(phoneInbox).toEqual([]);
  });

  it('does not deliver to an instance closed before the message arrived', async () => {
    const { platform, contact } = page();
    await contact.interface.trigger('showModal', { title: 'Log a call', template: 'modal.html' });
    const modal = platform.lastModal();
    const received = vi.fn();
    modal.client.instance.receive(received);
    const sending = contact.instance.send({ message: 'hi', receiver: [modal.instanceId] });
    modal.dismiss();
    await sending;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(received).not.toHaveBeenCalled();
  });
});

describe('instance.resize and close', () => {
  it('records the height, capped at 700 px', async () => {
    const { platform, contact } = page();
    await contact.instance.resize({ height: 300 });
    expect(platform.heightOf(contact)).toBe(300);
    await contact.instance.resize({ height: '900px' });
    expect(platform.heightOf(contact)).toBe(700);
    await contact.instance.resize({ height: '450' });
    expect(platform.heightOf(contact)).toBe(450);
    await expect(contact.instance.resize({ height: 'tall' })).rejects.toMatchObject({ status: 400 });
    await expect(contact.instance.resize({ height: -1 })).rejects.toMatchObject({ status: 400 });
    await expect(contact.instance.resize(undefined as never)).rejects.toMatchObject({ status: 400 });
  });

  it('closes modals and dialogs only', async () => {
    const { platform, contact } = page();
    await expect(contact.instance.close()).rejects.toMatchObject({
      status: 400,
      message: 'instance.close: only modals and dialogs can be closed, not contact_entity_menu.',
    });
    await contact.interface.trigger('showDialog', { title: 'Note', template: 'note.html' });
    const dialog = platform.lastModal();
    await dialog.client.instance.close();
    expect(dialog.isOpen).toBe(false);
    await expect(dialog.client.instance.close()).rejects.toMatchObject({ status: 400, message: expect.stringContaining('is closed') as unknown });
    await expect(dialog.client.instance.resize({ height: 10 })).rejects.toMatchObject({ status: 400 });
  });
});
