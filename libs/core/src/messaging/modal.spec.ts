import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { z } from 'zod';
import { createFakePlatform, type FakePlatform } from '../testing/fake-client';
import { createEnvelope } from './envelope';
import { defineModal } from './modal-contract';
import { modalSession } from './modal-session';
import { openModal } from './open-modal';

const logCall = defineModal({
  template: 'log-call.html',
  input: z.object({ contactId: z.number(), phone: z.string() }),
  result: z.object({ outcome: z.enum(['answered', 'no-answer']), notes: z.string().default('') }),
});

/** The modal the app opens next (openModal asks the platform after a look-up, so it appears a moment later). */
async function openedModal(platform: FakePlatform, before = 0) {
  await vi.waitFor(() => expect(platform.modals.length).toBeGreaterThan(before));
  return platform.lastModal();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a modal round trip', () => {
  it('opens the modal with data and resolves with its typed result', async () => {
    const platform = createFakePlatform();
    const panel = platform.client({ location: 'contact_entity_menu' });

    const result = openModal(panel, logCall, { title: 'Log a call', data: { contactId: 16000001, phone: '+14155550123' } });
    const modal = await openedModal(platform);
    expect(modal).toMatchObject({ title: 'Log a call', template: 'log-call.html', parentId: platform.instanceIdOf(panel), isOpen: true });

    const session = await modalSession(modal.client, logCall);
    expectTypeOf(session.input).toEqualTypeOf<{ contactId: number; phone: string }>();
    expect(session.input).toEqual({ contactId: 16000001, phone: '+14155550123' });
    expect(session.parentId).toBe(platform.instanceIdOf(panel));
    expect(session.instanceId).toBe(modal.instanceId);

    await session.resolve({ outcome: 'answered' });

    expectTypeOf(result).toEqualTypeOf<Promise<{ outcome: 'answered' | 'no-answer'; notes: string } | undefined>>();
    await expect(result).resolves.toEqual({ outcome: 'answered', notes: '' });
    expect(modal.isOpen).toBe(false);
  });

  it('resolves undefined when the modal is dismissed', async () => {
    const platform = createFakePlatform();
    const result = openModal(platform.client(), logCall, { title: 'Log a call', data: { contactId: 1, phone: '1' } });
    const session = await modalSession((await openedModal(platform)).client, logCall);
    await session.dismiss();
    await expect(result).resolves.toBeUndefined();
    expect(platform.lastModal().isOpen).toBe(false);
  });

  it('resolves undefined when the user closes the modal with its close button (polled, fake timers)', async () => {
    vi.useFakeTimers();
    const platform = createFakePlatform();
    const panel = platform.client();
    const get = vi.spyOn(panel.instance, 'get');
    const settled = vi.fn();
    void openModal(panel, logCall, { title: 'Log a call', data: { contactId: 1, phone: '1' } }).then(settled);
    const modal = await openedModal(platform);

    await vi.advanceTimersByTimeAsync(3_000);
    expect(settled).not.toHaveBeenCalled();
    modal.dismiss();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(settled).toHaveBeenCalledWith(undefined);

    const polls = get.mock.calls.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(get).toHaveBeenCalledTimes(polls);
  });

  it('keeps polling when a look-up fails', async () => {
    const platform = createFakePlatform();
    const panel = platform.client();
    const result = openModal(panel, logCall, { title: 'Log a call', data: { contactId: 1, phone: '1' }, pollMs: 5 });
    const modal = await openedModal(platform);
    vi.spyOn(panel.instance, 'get').mockRejectedValueOnce({ status: 500, message: 'busy' });
    modal.dismiss();
    await expect(result).resolves.toBeUndefined();
  });

  it('ignores results meant for another opening, and malformed or off-contract results', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const platform = createFakePlatform();
    const panel = platform.client();
    const open = async () => {
      const before = platform.modals.length;
      const result = openModal(panel, logCall, { title: 'Log a call', data: { contactId: 1, phone: '1' }, pollMs: 5 });
      const modal = await openedModal(platform, before);
      const { modal: id } = modal.data as { modal: string };
      const send = (message: ReturnType<typeof createEnvelope>) => modal.client.instance.send({ message });
      return { result, modal, id, send };
    };

    const first = await open();
    await first.send(createEnvelope('modal-result', 'someone-else', 'log-call.html', { status: 'resolved', result: { outcome: 'answered' } }));
    await first.send(createEnvelope('modal-result', first.id, 'log-call.html', { status: 'maybe' }));
    await vi.waitFor(() => expect(debug).toHaveBeenCalledTimes(1));
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('modal "log-call.html" sent a malformed outcome'), expect.anything());
    first.modal.dismiss();
    await expect(first.result).resolves.toBeUndefined();

    // A modal built against another version of the contract: its result is ignored, its closing resolves undefined.
    const second = await open();
    await second.send(createEnvelope('modal-result', second.id, 'log-call.html', { status: 'resolved', result: { outcome: 'hung up' } }));
    await vi.waitFor(() => expect(debug).toHaveBeenCalledTimes(2));
    expect(debug).toHaveBeenLastCalledWith(expect.stringContaining('returned a result that does not match its contract (outcome:'), expect.anything());
    second.modal.dismiss();
    await expect(second.result).resolves.toBeUndefined();
  });

  it('resolves even when the result arrives before the platform confirms the modal opened', async () => {
    const platform = createFakePlatform();
    const panel = platform.client();
    const trigger = panel.interface.trigger.bind(panel.interface);
    vi.spyOn(panel.interface, 'trigger').mockImplementation(async (action, args) => {
      const opened = await trigger(action, args);
      const session = await modalSession(platform.lastModal().client, logCall);
      await session.resolve({ outcome: 'no-answer', notes: 'voicemail' });
      await new Promise((resolve) => setTimeout(resolve, 0));
      return opened;
    });
    const get = vi.spyOn(panel.instance, 'get');
    await expect(openModal(panel, logCall, { title: 'Log a call', data: { contactId: 1, phone: '1' } })).resolves.toEqual({
      outcome: 'no-answer',
      notes: 'voicemail',
    });
    expect(get).toHaveBeenCalledTimes(1);
  });
});

describe('openModal', () => {
  it('checks the title before calling the platform', async () => {
    const platform = createFakePlatform();
    const panel = platform.client();
    const trigger = vi.spyOn(panel.interface, 'trigger');
    const title = 'Log a call with this contact now';
    await expect(openModal(panel, logCall, { title, data: { contactId: 1, phone: '1' } })).rejects.toMatchObject({
      name: 'MessagingError',
      code: 'invalid-title',
      message: `Modal title "${title}" is 32 characters; the platform allows at most 30.`,
    });
    await expect(openModal(panel, logCall, { title: '  ', data: { contactId: 1, phone: '1' } })).rejects.toMatchObject({
      code: 'invalid-title',
    });
    expect(trigger).not.toHaveBeenCalled();
  });

  it('checks the data against the contract before calling the platform', async () => {
    const platform = createFakePlatform();
    const panel = platform.client();
    const trigger = vi.spyOn(panel.interface, 'trigger');
    await expect(openModal(panel, logCall, { title: 'Log a call', data: { contactId: '1', phone: '1' } as never })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('The data for modal "log-call.html" does not match its contract: contactId:') as unknown,
    });
    expect(trigger).not.toHaveBeenCalled();
  });

  it('rejects when the platform does not open the modal, keeping its error as the cause', async () => {
    const platform = createFakePlatform();
    const panel = platform.client();
    const refusal = { status: 400, message: 'template not found' };
    vi.spyOn(panel.interface, 'trigger').mockRejectedValue(refusal);
    await expect(openModal(panel, logCall, { title: 'Log a call', data: { contactId: 1, phone: '1' } })).rejects.toMatchObject({
      code: 'send-failed',
      message: 'The platform did not open modal "log-call.html": 400 template not found',
      cause: refusal,
    });
  });

  it('opens dialogs with showDialog', async () => {
    const platform = createFakePlatform();
    const note = defineModal({ template: 'note.html', input: z.null(), result: z.string(), action: 'showDialog' });
    const result = openModal(platform.client(), note, { title: 'Note', data: null });
    const dialog = await openedModal(platform);
    expect(dialog.action).toBe('showDialog');
    await (await modalSession(dialog.client, note)).resolve('done');
    await expect(result).resolves.toBe('done');
  });
});

describe('modalSession', () => {
  it('reads the data older products pass as `data` (legacy overlay)', async () => {
    const platform = createFakePlatform({ legacyModals: true, nestedMessages: true });
    const result = openModal(platform.client(), logCall, { title: 'Log a call', data: { contactId: 7, phone: '+1' } });
    const modal = await openedModal(platform);
    expect(await modal.client.instance.context()).toMatchObject({ location: 'overlay', data: expect.anything() as unknown });
    const session = await modalSession(modal.client, logCall);
    expect(session.input).toEqual({ contactId: 7, phone: '+1' });
    await session.resolve({ outcome: 'answered', notes: 'ok' });
    await expect(result).resolves.toEqual({ outcome: 'answered', notes: 'ok' });
  });

  it('accepts raw data from a modal opened without openModal, or handed over as a JSON string', async () => {
    const platform = createFakePlatform();
    const panel = platform.client();
    await panel.interface.trigger('showModal', { title: 'Log a call', template: 'log-call.html', data: { contactId: 3, phone: '9' } });
    const raw = await modalSession(platform.lastModal().client, logCall);
    expect(raw.input).toEqual({ contactId: 3, phone: '9' });

    await panel.interface.trigger('showModal', { title: 'Log a call', template: 'log-call.html', data: '{"contactId":4,"phone":"8"}' });
    expect((await modalSession(platform.lastModal().client, logCall)).input).toEqual({ contactId: 4, phone: '8' });
  });

  it('refuses input that breaks the contract, saying which field', async () => {
    const platform = createFakePlatform();
    await platform.client().interface.trigger('showModal', { title: 'Log a call', template: 'log-call.html', data: 'not json' });
    await expect(modalSession(platform.lastModal().client, logCall)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('Modal "log-call.html" was opened with data that does not match its contract') as unknown,
    });
  });

  it('refuses a result that breaks the contract and stays open, then resolves once', async () => {
    const platform = createFakePlatform();
    const result = openModal(platform.client(), logCall, { title: 'Log a call', data: { contactId: 1, phone: '1' } });
    const modal = await openedModal(platform);
    const close = vi.spyOn(modal.client.instance, 'close');
    const session = await modalSession(modal.client, logCall);

    await expect(session.resolve({ outcome: 'maybe' } as never)).rejects.toMatchObject({ code: 'invalid-payload' });
    expect(modal.isOpen).toBe(true);

    const first = session.resolve({ outcome: 'answered', notes: 'first' });
    expect(session.resolve({ outcome: 'answered', notes: 'second' })).toBe(first);
    expect(session.dismiss()).toBe(first);
    await first;
    await expect(result).resolves.toEqual({ outcome: 'answered', notes: 'first' });
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('still closes the modal when the parent is gone, and reports the lost result', async () => {
    const platform = createFakePlatform();
    await platform.client().interface.trigger('showModal', { title: 'Log a call', template: 'log-call.html', data: { contactId: 1, phone: '1' } });
    const modal = platform.lastModal();
    vi.spyOn(modal.client.instance, 'send').mockRejectedValue({ status: 400, message: 'parent is not active' });
    const session = await modalSession(modal.client, logCall);
    await expect(session.resolve({ outcome: 'answered' })).rejects.toMatchObject({ code: 'send-failed' });
    expect(modal.isOpen).toBe(false);
  });
});
