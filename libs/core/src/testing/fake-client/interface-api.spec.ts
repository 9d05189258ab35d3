import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InterfaceAction } from '../../platform/client';
import { createFakePlatform } from '../fake-client';

afterEach(() => {
  vi.useRealTimers();
});

function refusal(message: string | RegExp) {
  return { status: 400, errorSource: 'APP', message: typeof message === 'string' ? message : (expect.stringMatching(message) as unknown) };
}

describe('interface.trigger: the platform limits', () => {
  it('refuses modal titles over 30 characters and missing templates', async () => {
    const client = createFakePlatform().client();
    await expect(client.interface.trigger('showModal', { title: 'x'.repeat(31), template: 'modal.html' })).rejects.toEqual(
      refusal(`interface.trigger("showModal"): title must be at most 30 characters (got 31: "${'x'.repeat(31)}").`),
    );
    await expect(client.interface.trigger('showDialog', { title: 'Note', template: '' })).rejects.toEqual(
      refusal('interface.trigger("showDialog"): template must be a non-empty string.'),
    );
    await expect(client.interface.trigger('showModal', { title: 'x'.repeat(30), template: 'modal.html' })).resolves.toBeUndefined();
  });

  it('refuses confirm messages over 100 characters and labels over 11', async () => {
    const client = createFakePlatform().client();
    await expect(client.interface.trigger('showConfirm', { title: 'Delete?', message: 'm'.repeat(101) })).rejects.toEqual(
      refusal(/message must be at most 100 characters \(got 101/),
    );
    await expect(client.interface.trigger('showConfirm', { title: 'Delete?', message: 'Sure?', saveLabel: 'Yes, delete!' })).rejects.toEqual(
      refusal(/saveLabel must be at most 11 characters \(got 12/),
    );
    await expect(client.interface.trigger('showConfirm', { title: 'Delete?', message: 'Sure?', cancelLabel: 'No, keep it!' })).rejects.toEqual(
      refusal(/cancelLabel must be at most 11/),
    );
  });

  it('checks showNotify, open, show and hide', async () => {
    const client = createFakePlatform().client();
    const trigger = (action: string, args: unknown) => client.interface.trigger(action as InterfaceAction, args as never);
    await expect(trigger('showNotify', { type: 'fatal', message: 'x' })).rejects.toEqual(refusal(/type must be one of info, success, warning, danger, alert/));
    await expect(trigger('showNotify', { type: 'info', message: '' })).rejects.toEqual(refusal(/message must be a non-empty string/));
    await expect(trigger('open', { id: 'ticket' })).rejects.toEqual(refusal(/id must be one of lead, contact, account, deal, calllog/));
    await expect(trigger('open', { id: 'lead' })).rejects.toEqual(refusal(/leads exist only in Freshsales Classic/));
    await expect(trigger('show', { id: 'contact' })).rejects.toEqual(refusal(/value must be the record's id/));
    await expect(trigger('show', { id: 'queue', value: 1 })).rejects.toEqual(refusal(/id must be one of/));
    await expect(trigger('hide', { id: 'contact' })).rejects.toEqual(refusal(/id must be one of phoneApp/));
    await expect(trigger('open', { id: 'contact' })).resolves.toBeUndefined();
    await expect(trigger('show', { id: 'contact', value: 16000001 })).resolves.toBeUndefined();
    await expect(trigger('show', { id: 'deal', value: '16000201' })).resolves.toBeUndefined();
    await expect(trigger('show', { id: 'phoneApp' })).resolves.toBeUndefined();
    await expect(trigger('hide', { id: 'phoneApp' })).resolves.toBeUndefined();
  });

  it('refuses unknown actions, arguments that are not objects and arguments that cannot be cloned', async () => {
    const client = createFakePlatform().client();
    await expect(client.interface.trigger('navigate' as InterfaceAction, {} as never)).rejects.toEqual(
      refusal(/^interface.trigger: unknown action "navigate"; known: showModal, showDialog/),
    );
    await expect(client.interface.trigger('showNotify', null as never)).rejects.toEqual(refusal('interface.trigger("showNotify"): the arguments must be an object.'));
    await expect(client.interface.trigger('showModal', { title: 'T', template: 'm.html', data: { fn: () => 1 } as never })).rejects.toEqual(
      refusal(/cannot be cloned/),
    );
  });

  it('records what was accepted, and notifications apart', async () => {
    const platform = createFakePlatform();
    const client = platform.client();
    await client.interface.trigger('showNotify', { type: 'success', title: 'Saved', message: 'Call logged' });
    await client.interface.trigger('open', { id: 'calllog' });
    await expect(client.interface.trigger('open', { id: 'nope' } as never)).rejects.toMatchObject({ status: 400 });
    expect(platform.notifications).toEqual([{ instanceId: '1', type: 'success', title: 'Saved', message: 'Call logged' }]);
    expect(platform.triggers.map((trigger) => trigger.action)).toEqual(['showNotify', 'open']);
  });
});

describe('interface.trigger: modals', () => {
  it('renders a modal instance with its parent and data', async () => {
    const platform = createFakePlatform();
    const panel = platform.client();
    expect(() => platform.lastModal()).toThrow(/has not opened a modal/);
    await panel.interface.trigger('showModal', { title: 'Log a call', template: 'modal.html', data: { contactId: 1 } });
    const modal = platform.lastModal();
    expect(modal).toMatchObject({ instanceId: '2', parentId: '1', action: 'showModal', title: 'Log a call', data: { contactId: 1 }, isOpen: true });
    await expect(modal.client.instance.context()).resolves.toEqual({ instanceId: '2', location: 'modal', parentId: '1', modalData: { contactId: 1 } });
    expect(platform.instances()).toContainEqual({ instanceId: '2', location: 'modal' });
    modal.dismiss();
    expect(platform.instances()).not.toContainEqual({ instanceId: '2', location: 'modal' });
  });

  it('renders dialogs as dialog, and older products as overlay with `data`', async () => {
    const platform = createFakePlatform();
    await platform.client().interface.trigger('showDialog', { title: 'Note', template: 'note.html' });
    await expect(platform.lastModal().client.instance.context()).resolves.toEqual({ instanceId: '2', location: 'dialog', parentId: '1' });

    const legacy = createFakePlatform({ legacyModals: true });
    await legacy.client().interface.trigger('showModal', { title: 'Old', template: 'm.html', data: 'hi' });
    await expect(legacy.lastModal().client.instance.context()).resolves.toEqual({ instanceId: '2', location: 'overlay', parentId: '1', data: 'hi' });
  });
});

describe('interface.trigger: showConfirm', () => {
  const confirm = { title: 'Delete call?', message: 'This removes the call log.', saveLabel: 'Delete', cancelLabel: 'Keep' };

  it('resolves with the answer the test gives, before or while it shows', async () => {
    const platform = createFakePlatform();
    const client = platform.client();
    platform.answerNextConfirm('Save');
    await expect(client.interface.trigger('showConfirm', confirm)).resolves.toEqual({ message: 'Save' });

    const showing = client.interface.trigger('showConfirm', confirm);
    await Promise.resolve();
    platform.answerConfirm('Cancel');
    await expect(showing).resolves.toEqual({ message: 'Cancel' });
    expect(platform.confirms.map((record) => record.answer)).toEqual(['Save', 'Cancel']);
    expect(() => platform.answerConfirm('Save')).toThrow(/no showConfirm is waiting/);
  });

  it('can answer with the bare label, as some docs show', async () => {
    const platform = createFakePlatform({ confirmResult: 'string' });
    platform.answerNextConfirm('Cancel');
    await expect(platform.client().interface.trigger('showConfirm', confirm)).resolves.toBe('Cancel');
  });

  it('times out after 10 s without an answer (fake timers)', async () => {
    vi.useFakeTimers();
    const platform = createFakePlatform();
    const showing = platform.client().interface.trigger('showConfirm', confirm);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(() => platform.answerConfirm('Save')).not.toThrow();
    await expect(showing).resolves.toEqual({ message: 'Save' });

    const late = platform.client().interface.trigger('showConfirm', confirm);
    const timedOut = expect(late).rejects.toEqual({
      status: 504,
      message: 'showConfirm "Delete call?": the user did not answer within 10 s.',
      errorSource: 'PLATFORM',
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await timedOut;
    expect(() => platform.answerConfirm('Save')).toThrow(/no showConfirm is waiting/);
  });
});
