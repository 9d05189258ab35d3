import { afterEach, describe, expect, it, vi } from 'vitest';
import { rejectionOf } from '../../../test/support/fake-windows';
import type { PageState } from '../page-state';
import type { Backend } from './backend';
import { createDispatcher, recordScope, type HostEnv, type HostUi } from './dispatch';
import { InstanceRegistry } from './instances';

const page: PageState = {
  product: 'freshworks_crm',
  view: 'record',
  entityType: 'contact',
  recordId: 101,
  placeholders: { contact_entity_menu: { url: 'index.html' } },
  appName: 'app',
  liveSince: 0,
};

function setup(overrides: Partial<HostEnv> = {}) {
  const instances = new InstanceRegistry();
  const ui = {
    openModal: vi.fn(),
    confirm: vi.fn(() => ({ answer: new Promise<'Save' | 'Cancel'>(() => {}), dismiss: vi.fn() })),
    notify: vi.fn(),
    openCreateForm: vi.fn(),
    showRecord: vi.fn((_type: string, id: number) => Promise.resolve(id === 102)),
    showPhone: vi.fn(() => true),
    hidePhone: vi.fn(() => false),
    resize: vi.fn<HostUi['resize']>(),
    close: vi.fn(),
  } satisfies HostUi;
  const posted: { path: string; body: unknown }[] = [];
  const backendGet = vi.fn(() => Promise.resolve<unknown>({ installed: true, values: { greeting: 'hi' }, secure: ['apiKey'] }));
  const backend: Backend = {
    get: backendGet,
    post: vi.fn((path: string, body: unknown) => {
      posted.push({ path, body });
      return Promise.resolve<unknown>({ ok: path });
    }),
  };
  const deliver = vi.fn(() => Promise.resolve());
  const env: HostEnv = { page: () => page, instances, ui, backend, deliver, ...overrides };
  const dispatch = createDispatcher(env);
  const frame = { contentWindow: null };
  const menu = instances.add({ location: 'contact_entity_menu', product: 'freshworks_crm', frame });
  menu.ready = true;
  return { dispatch, instances, ui, posted, deliver, menu, backendGet, frame };
}

afterEach(() => vi.useRealTimers());

describe('dispatcher', () => {
  it('answers init with the instance context, modal data for modals and data-bind values for installation pages', async () => {
    const { dispatch, instances, menu, frame } = setup({ dataBind: { 'product.domain': 'acme.myfreshworks.com', 'product.api_key': 'k' } });
    expect(await dispatch(menu, 'init', [])).toEqual({ instanceId: menu.id, location: 'contact_entity_menu', product: 'freshworks_crm' });
    const modal = instances.add({ location: 'modal', product: 'freshworks_crm', frame, parentId: menu.id, modalData: { name: 'Ada' } });
    expect(await dispatch(modal, 'init', [])).toMatchObject({ parentId: menu.id, modalData: { name: 'Ada' } });
    const install = instances.add({ location: 'installation', product: 'freshworks_crm', frame });
    expect(await dispatch(install, 'init', [])).toMatchObject({ dataBind: { 'product.domain': 'acme.myfreshworks.com' } });
  });

  it('asks the back end for data objects, with the record only for the entity menu of this page and its modals', async () => {
    const { dispatch, instances, menu, posted, frame } = setup();
    await dispatch(menu, 'data.get', ['contact']);
    const modal = instances.add({ location: 'modal', product: 'freshworks_crm', frame, parentId: menu.id });
    await dispatch(modal, 'data.get', ['currentEntityInfo']);
    const cti = instances.add({ location: 'left_nav_cti', product: 'freshworks_crm', frame });
    await dispatch(cti, 'data.get', ['contact']);
    expect(posted.map((p) => p.body)).toEqual([
      { product: 'freshworks_crm', name: 'contact', location: 'contact_entity_menu', entityType: 'contact', recordId: 101 },
      { product: 'freshworks_crm', name: 'currentEntityInfo', location: 'contact_entity_menu', entityType: 'contact', recordId: 101 },
      { product: 'freshworks_crm', name: 'contact', location: 'left_nav_cti' },
    ]);
    await expect(dispatch(menu, 'data.get', [7])).rejects.toMatchObject({ status: 400 });
  });

  it('finds no record scope off record pages', () => {
    const { menu } = setup();
    expect(recordScope({ ...page, view: 'home' }, menu)).toBeUndefined();
    expect(recordScope({ ...page, entityType: 'deal' }, menu)).toBeUndefined();
  });

  it('answers an unknown action and bad arguments with the platform error shape', async () => {
    const { dispatch, menu, ui } = setup();
    const error = await rejectionOf(dispatch(menu, 'interface.trigger', ['doSomething', {}]));
    expect(Object.keys(error).sort()).toEqual(['message', 'status']);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/unknown action "doSomething"/);
    await expect(dispatch(menu, 'interface.trigger', ['showModal', { title: 'x'.repeat(31), template: 'm.html' }])).rejects.toMatchObject({ status: 400 });
    expect(ui.openModal).not.toHaveBeenCalled();
  });

  it('opens modals, notifications and create forms', async () => {
    const { dispatch, menu, ui } = setup();
    await dispatch(menu, 'interface.trigger', ['showModal', { title: 'Notes', template: 'modal.html', data: { a: 1 } }]);
    await dispatch(menu, 'interface.trigger', ['showDialog', { title: 'Notes', template: 'modal.html' }]);
    await dispatch(menu, 'interface.trigger', ['showNotify', { type: 'success', message: 'Saved' }]);
    await dispatch(menu, 'interface.trigger', ['open', { id: 'contact' }]);
    expect(ui.openModal).toHaveBeenCalledWith(menu, 'showModal', { title: 'Notes', template: 'modal.html', data: { a: 1 } });
    expect(ui.openModal.mock.calls[1]?.[1]).toBe('showDialog');
    expect(ui.notify).toHaveBeenCalledWith({ type: 'success', message: 'Saved' });
    expect(ui.openCreateForm).toHaveBeenCalledWith('contact');
  });

  it('shows records and the phone app, and says when it cannot', async () => {
    const { dispatch, menu, ui } = setup();
    await expect(dispatch(menu, 'interface.trigger', ['show', { id: 'contact', value: '102' }])).resolves.toBeUndefined();
    expect(ui.showRecord).toHaveBeenCalledWith('contact', 102);
    await expect(dispatch(menu, 'interface.trigger', ['show', { id: 'account', value: 999 }])).rejects.toMatchObject({
      status: 404,
      message: 'show account: there is no sales account 999 in freshworks_crm.',
    });
    await expect(dispatch(menu, 'interface.trigger', ['show', { id: 'phoneApp' }])).resolves.toBeUndefined();
    await expect(dispatch(menu, 'interface.trigger', ['hide', { id: 'phoneApp' }])).rejects.toMatchObject({ status: 400 });
    ui.showPhone.mockReturnValue(false);
    await expect(dispatch(menu, 'interface.trigger', ['show', { id: 'phoneApp' }])).rejects.toMatchObject({ status: 400 });
    ui.hidePhone.mockReturnValue(true);
    await expect(dispatch(menu, 'interface.trigger', ['hide', { id: 'phoneApp' }])).resolves.toBeUndefined();
  });

  it('resolves showConfirm with the answer, and times out after 10 s with a platform error', async () => {
    const { dispatch, menu, ui } = setup();
    ui.confirm.mockReturnValueOnce({ answer: Promise.resolve('Save'), dismiss: vi.fn() });
    await expect(dispatch(menu, 'interface.trigger', ['showConfirm', { title: 'Sure?', message: 'Really?' }])).resolves.toEqual({ message: 'Save' });

    vi.useFakeTimers();
    const dismiss = vi.fn();
    ui.confirm.mockReturnValueOnce({ answer: new Promise(() => {}), dismiss });
    const pending = dispatch(menu, 'interface.trigger', ['showConfirm', { title: 'Sure?', message: 'Really?' }]);
    const settled = rejectionOf(pending);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await settled).toEqual({ status: 504, message: 'showConfirm "Sure?": the user did not answer within 10 s.', errorSource: 'PLATFORM' });
    expect(dismiss).toHaveBeenCalled();
  });

  it('lists active instances and sends messages to the parent or named receivers', async () => {
    const { dispatch, instances, menu, deliver, frame } = setup();
    const modal = instances.add({ location: 'modal', product: 'freshworks_crm', frame, parentId: menu.id });
    modal.ready = true;
    instances.add({ location: 'deal_entity_menu', product: 'freshworks_crm', frame });
    expect(await dispatch(menu, 'instance.get', [])).toEqual([
      { instanceId: menu.id, location: 'contact_entity_menu' },
      { instanceId: modal.id, location: 'modal' },
    ]);
    await dispatch(modal, 'instance.send', [{ message: { saved: true } }]);
    expect(deliver).toHaveBeenCalledWith(menu, 'instance.message', { senderId: modal.id, sender: modal.id, message: { saved: true } });
    await dispatch(menu, 'instance.send', [{ message: 'hi', receiver: [modal.id, menu.id] }]);
    await dispatch(menu, 'instance.send', [{ message: 'hi', receiver: modal.id }]);
    expect(deliver).toHaveBeenCalledTimes(3);
  });

  it('refuses sends without a message, a parent or an active receiver', async () => {
    const { dispatch, menu } = setup();
    expect(await rejectionOf(dispatch(menu, 'instance.send', [{}]))).toMatchObject({ status: 400 });
    expect((await rejectionOf(dispatch(menu, 'instance.send', [{}]))).message).toMatch(/message is required/);
    expect((await rejectionOf(dispatch(menu, 'instance.send', [{ message: 1 }]))).message).toMatch(/has no parent/);
    expect((await rejectionOf(dispatch(menu, 'instance.send', [{ message: 1, receiver: ['9'] }]))).message).toMatch(/"9" is not active/);
    expect((await rejectionOf(dispatch(menu, 'instance.send', [{ message: 1, receiver: { id: 1 } }]))).message).toMatch(/array of instance ids/);
  });

  it('resizes up to 700 px and closes', async () => {
    const { dispatch, menu, ui } = setup();
    await dispatch(menu, 'instance.resize', [{ height: '450px' }]);
    await dispatch(menu, 'instance.resize', [{ height: 900 }]);
    expect(ui.resize.mock.calls.map((c) => c[1])).toEqual([450, 700]);
    await expect(dispatch(menu, 'instance.resize', [{ height: 'tall' }])).rejects.toMatchObject({ status: 400 });
    await expect(dispatch(menu, 'instance.resize', [undefined])).rejects.toMatchObject({ status: 400 });
    await dispatch(menu, 'instance.close', []);
    expect(ui.close).toHaveBeenCalledWith(menu);
  });

  it('gives public iparams only, and refuses secure or missing keys', async () => {
    const { dispatch, menu, backendGet } = setup();
    expect(await dispatch(menu, 'iparams.get', [])).toEqual({ greeting: 'hi' });
    expect(await dispatch(menu, 'iparams.get', ['greeting'])).toEqual({ greeting: 'hi' });
    await expect(dispatch(menu, 'iparams.get', ['apiKey'])).rejects.toMatchObject({ status: 403 });
    expect(await rejectionOf(dispatch(menu, 'iparams.get', ['nope']))).toMatchObject({ status: 404 });
    expect((await rejectionOf(dispatch(menu, 'iparams.get', ['nope']))).message).toMatch(/no iparam "nope"/);
    await expect(dispatch(menu, 'iparams.get', [''])).rejects.toMatchObject({ status: 400 });
    backendGet.mockResolvedValueOnce({ installed: false, values: {}, secure: [] });
    expect((await rejectionOf(dispatch(menu, 'iparams.get', ['greeting']))).message).toMatch(/not installed/);
  });

  it('forwards db, request and SMI calls to the back end with the product', async () => {
    const { dispatch, menu, posted } = setup();
    await dispatch(menu, 'db', [{ action: 'get', key: 'k' }]);
    await dispatch(menu, 'request', [{ method: 'GET', url: 'https://x', options: {} }]);
    await dispatch(menu, 'request.invokeTemplate', [{ template: 't', options: {} }]);
    await dispatch(menu, 'request.invoke', [{ name: 'fn', payload: {} }]);
    expect(posted.map((p) => [p.path, (p.body as { product: string }).product])).toEqual([
      ['/_fdk/api/db', 'freshworks_crm'],
      ['/_fdk/api/request', 'freshworks_crm'],
      ['/_fdk/api/request', 'freshworks_crm'],
      ['/_fdk/api/invoke', 'freshworks_crm'],
    ]);
    await expect(dispatch(menu, 'db', ['k'])).rejects.toMatchObject({ status: 400 });
  });
});
