import { callbridgeModal } from '@callbridge/contracts';
import type { HostPort, JsonObject } from '@callbridge/core';
import type * as v from 'valibot';
import { createFakePlatform, type FakePlatform } from '@callbridge/core/testing';
import { click, deepText, find, findAll, render, select, settle, type } from '@callbridge/ui/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostOf, sampleCall, sampleMatch, serverError } from '../testing';
import './modal-root';

let platform: FakePlatform;
let opener: HostPort;

type OpenData = v.InferInput<typeof callbridgeModal.input>;

const logCallInput: OpenData = {
  form: 'log-call',
  target: { type: 'contact', id: 16000001, name: 'Jane Sample' },
  phone: '(415) 555-0123',
  direction: 'inbound',
  durationSeconds: 150,
  deals: [{ id: 31, name: 'Renewal' }],
};

beforeEach(async () => {
  platform = createFakePlatform({ product: 'freshsales' });
  ({ host: opener } = await hostOf(platform, { location: 'contact_entity_menu' }));
});

afterEach(() => document.body.replaceChildren());

/** The opener opens the modal with `data`; resolves the modal page's root and the opener's pending result. */
async function openModal(data: OpenData, title = 'Log a call') {
  const count = platform.modals.length;
  const result = opener.openModal(callbridgeModal, { title, data });
  await vi.waitFor(() => expect(platform.modals).toHaveLength(count + 1));
  const modal = platform.modals[count]!;
  const { host } = await hostOf(platform, modal.client);
  const root = await render('cb-modal-root', { host });
  await vi.waitFor(() => expect(findAll(root, 'form')).toHaveLength(1));
  await settle(root);
  return { root, result, modal };
}

describe('cb-modal-root: Log a call', () => {
  it('fills the form from the opener’s data', async () => {
    const { root } = await openModal(logCallInput);
    expect(deepText(root)).toContain('Jane Sample');
    expect(find<HTMLInputElement>(root, 'input[value="inbound"]').checked).toBe(true);
    expect(find<HTMLInputElement>(root, '#duration').value).toBe('2:30');
    expect(findAll<HTMLOptionElement>(root, '#deal option').map((o) => o.text)).toEqual(['None', 'Renewal']);
  });

  it('logs the call and hands it back to the opener, which closes the modal', async () => {
    const logCall = vi.fn((input: JsonObject) => ({ call: sampleCall({ id: 'new', outcome: input.outcome as string }) }));
    platform.onInvoke('logCall', logCall);
    const { root, result, modal } = await openModal(logCallInput);
    await select(root, 'Outcome', 'Busy');
    await select(root, 'Related deal', 'Renewal');
    await type(root, 'Notes', 'Try again at 4');
    await click(root, 'Save');
    await expect(result).resolves.toEqual({ form: 'log-call', call: expect.objectContaining({ id: 'new', outcome: 'Busy' }) as unknown });
    expect(logCall).toHaveBeenCalledWith(
      {
        target: { type: 'contact', id: 16000001, name: 'Jane Sample' },
        direction: 'inbound',
        outcome: 'Busy',
        durationSeconds: 150,
        notes: 'Try again at 4',
        phone: '+14155550123',
        dealId: 31,
      },
      expect.anything(),
    );
    expect(modal.isOpen).toBe(false);
  });

  it('shows a server error in the form, keeps what the rep typed, and saves on the next try', async () => {
    let failures = 1;
    platform.onInvoke('logCall', () => {
      if (failures-- > 0) throw serverError(422, 'Contact 16000001 no longer exists.');
      return { call: sampleCall() };
    });
    const { root, result, modal } = await openModal(logCallInput);
    await select(root, 'Outcome', 'Connected');
    await type(root, 'Notes', 'Keep me');
    await click(root, 'Save');
    await vi.waitFor(() => expect(deepText(root)).toContain('Contact 16000001 no longer exists.'));
    await settle(root);
    expect(find<HTMLTextAreaElement>(root, '#notes').value).toBe('Keep me');
    expect(find<HTMLButtonElement>(root, '.btn-primary').disabled).toBe(false);
    expect(modal.isOpen).toBe(true);
    await click(root, 'Save');
    await expect(result).resolves.toMatchObject({ form: 'log-call' });
  });

  it('names the setting to fix when the server refuses the credentials', async () => {
    platform.onInvoke('logCall', () => {
      throw serverError(401);
    });
    const { root } = await openModal(logCallInput);
    await select(root, 'Outcome', 'Connected');
    await click(root, 'Save');
    await vi.waitFor(() => expect(deepText(root)).toContain('An admin must check the CRM API key'));
  });

  it('logs without a number when the opener gave none it can use', async () => {
    const logCall = vi.fn(() => ({ call: sampleCall() }));
    platform.onInvoke('logCall', logCall);
    const { root, result } = await openModal({ form: 'log-call', target: { type: 'deal', id: 5, name: 'Big deal' }, phone: 'unknown' });
    await select(root, 'Outcome', 'Connected');
    await click(root, 'Save');
    await result;
    expect(logCall).toHaveBeenCalledWith(expect.not.objectContaining({ phone: expect.anything() as unknown }), expect.anything());
  });

  it('closes without a result when the rep cancels', async () => {
    const { root, result, modal } = await openModal(logCallInput);
    await click(root, 'Cancel');
    await expect(result).resolves.toBeUndefined();
    expect(modal.isOpen).toBe(false);
  });
});

describe('cb-modal-root: Create contact from number', () => {
  const createInput: OpenData = { form: 'create-contact', phone: '+14155550199', defaultName: 'Unknown caller', allowedTypes: ['lead', 'contact'] };

  it('creates the record the rep chose and hands it back', async () => {
    const create = vi.fn((input: JsonObject) => ({ contact: sampleMatch({ id: 77, type: input.type as 'lead', name: input.name as string, phone: '+14155550199' }) }));
    platform.onInvoke('createPlaceholderContact', create);
    const { root, result } = await openModal(createInput, 'Create contact');
    expect(find<HTMLInputElement>(root, '#name').value).toBe('Unknown caller');
    await type(root, 'Name', 'Ana Caller');
    await click(root, 'Create');
    await expect(result).resolves.toEqual({ form: 'create-contact', contact: expect.objectContaining({ id: 77, type: 'lead', name: 'Ana Caller' }) as unknown });
    expect(create).toHaveBeenCalledWith({ phone: '+14155550199', name: 'Ana Caller', type: 'lead' }, expect.anything());
  });

  it('creates a contact when the rep picks contact', async () => {
    const create = vi.fn(() => ({ contact: sampleMatch() }));
    platform.onInvoke('createPlaceholderContact', create);
    const { root, result } = await openModal(createInput, 'Create contact');
    await click(root, 'Contact');
    await click(root, 'Create');
    await result;
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ type: 'contact' }), expect.anything());
  });

  it('explains a number the server cannot use', async () => {
    const { root } = await openModal({ ...createInput, phone: 'call me' }, 'Create contact');
    await click(root, 'Create');
    await vi.waitFor(() => expect(deepText(root)).toContain('E.164'));
  });
});

describe('cb-modal-root', () => {
  it('keeps two open modals apart: each answers its own opener', async () => {
    platform.onInvoke('logCall', () => ({ call: sampleCall({ id: 'from-first' }) }));
    platform.onInvoke('createPlaceholderContact', () => ({ contact: sampleMatch({ id: 88 }) }));
    const first = await openModal(logCallInput);
    const second = await openModal({ form: 'create-contact', phone: '+14155550199', defaultName: 'Unknown caller', allowedTypes: ['contact'] }, 'Create contact');
    await click(second.root, 'Create');
    await expect(second.result).resolves.toMatchObject({ form: 'create-contact', contact: { id: 88 } });
    expect(first.modal.isOpen).toBe(true);
    await select(first.root, 'Outcome', 'Connected');
    await click(first.root, 'Save');
    await expect(first.result).resolves.toMatchObject({ form: 'log-call', call: { id: 'from-first' } });
  });

  it('explains a modal opened with data it cannot use', async () => {
    const { client } = await hostOf(platform, { location: 'contact_entity_menu' });
    await client.interface.trigger('showModal', { title: 'Log a call', template: 'modal.html', data: { form: 'tea' } });
    const { host } = await hostOf(platform, platform.lastModal().client);
    const root = await render('cb-modal-root', { host });
    await vi.waitFor(() => expect(find(root, '[role="alert"]').textContent).toContain('does not match its contract'));
    expect(findAll(root, 'button')).toEqual([]);
  });
});
