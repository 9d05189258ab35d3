import { INTERFACE_LIMITS, type InterfaceActions, type ProductName } from '@callbridge/core';
import { ENTITY_PAGES, entityTypeOfId, type EntityType, type PageState } from '../page-state';
import { deferred, platformError, raise } from '../platform-error';
import type { InstanceContextValue, Method } from '../protocol';
import { checkTriggerArgs } from '@callbridge/core';
import type { Backend } from './backend';
import type { HostInstance, InstanceRegistry } from './instances';

export const MAX_HEIGHT = 700;

export type ConfirmAnswer = 'Save' | 'Cancel';

/** What the host page draws; the dispatcher decides what to draw and when, the UI only how. */
export interface HostUi {
  openModal(opener: HostInstance, kind: 'showModal' | 'showDialog', args: InterfaceActions['showModal']): void;
  confirm(args: InterfaceActions['showConfirm']): { answer: Promise<ConfirmAnswer>; dismiss: () => void };
  notify(args: InterfaceActions['showNotify']): void;
  openCreateForm(id: InterfaceActions['open']['id']): void;
  /** Resolves false when there is no such record. */
  showRecord(type: EntityType, id: number): Promise<boolean>;
  /** Resolve false when the app has no phone placeholder in this product. */
  showPhone(): boolean;
  hidePhone(): boolean;
  resize(instance: HostInstance, height: number): void;
  close(instance: HostInstance): void;
}

export interface HostEnv {
  page(): PageState;
  instances: InstanceRegistry;
  ui: HostUi;
  backend: Backend;
  deliver(instance: HostInstance, name: string, data: unknown): Promise<void>;
  dataBind?: InstanceContextValue['dataBind'];
  confirmTimeoutMs?: number;
}

export type Dispatch = (instance: HostInstance, method: Method, args: unknown[]) => Promise<unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseHeight(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(value) ? parseFloat(value) : NaN;
  return Number.isFinite(number) && number > 0 ? Math.min(Math.round(number), MAX_HEIGHT) : undefined;
}

/** The record a placeholder sees: only entity menus (and their modals) on their own record page have one. */
export function recordScope(page: PageState, root: HostInstance): { entityType: EntityType; recordId: number } | undefined {
  if (page.view !== 'record' || !page.entityType || page.recordId === undefined) return undefined;
  return root.location === ENTITY_PAGES[page.entityType].placeholder ? { entityType: page.entityType, recordId: page.recordId } : undefined;
}

/** Answers every client method an instance calls; rejections are the platform's `{status, message}` values. */
export function createDispatcher(env: HostEnv): Dispatch {
  const { instances, ui, backend } = env;

  async function trigger(instance: HostInstance, action: unknown, args: unknown): Promise<unknown> {
    const refusal = checkTriggerArgs(action, args, instance.product);
    if (refusal) raise({ ...refusal });
    const product: ProductName = instance.product;
    switch (action as keyof InterfaceActions) {
      case 'showModal':
      case 'showDialog':
        ui.openModal(instance, action as 'showModal', args as InterfaceActions['showModal']);
        return undefined;
      case 'showConfirm': {
        const confirmArgs = args as InterfaceActions['showConfirm'];
        const { answer, dismiss } = ui.confirm(confirmArgs);
        const timeout = deferred<never>();
        const timer = setTimeout(() => {
          dismiss();
          timeout.reject(platformError(504, `showConfirm "${confirmArgs.title}": the user did not answer within ${INTERFACE_LIMITS.confirmTimeoutMs / 1000} s.`, 'PLATFORM'));
        }, env.confirmTimeoutMs ?? INTERFACE_LIMITS.confirmTimeoutMs);
        try {
          return { message: await Promise.race([answer, timeout.promise]) };
        } finally {
          clearTimeout(timer);
        }
      }
      case 'showNotify':
        ui.notify(args as InterfaceActions['showNotify']);
        return undefined;
      case 'open':
        ui.openCreateForm((args as InterfaceActions['open']).id);
        return undefined;
      case 'show': {
        const { id, value } = args as InterfaceActions['show'];
        if (id === 'phoneApp') {
          if (!ui.showPhone()) raise(platformError(400, `show phoneApp: the app has no left_nav_cti placeholder in ${product}.`));
          return undefined;
        }
        const type = entityTypeOfId(id)!;
        if (!(await ui.showRecord(type, Number(value)))) raise(platformError(404, `show ${id}: there is no ${ENTITY_PAGES[type].label.toLowerCase()} ${value} in ${product}.`));
        return undefined;
      }
      case 'hide':
        if (!ui.hidePhone()) raise(platformError(400, `hide phoneApp: the app has no left_nav_cti placeholder in ${product}.`));
        return undefined;
    }
  }

  async function send(instance: HostInstance, args: unknown): Promise<unknown> {
    if (!isObject(args) || args.message === undefined) raise(platformError(400, 'instance.send: pass {message, receiver?}; message is required.'));
    const receiver = args.receiver;
    let ids: string[];
    if (receiver === undefined) {
      if (instance.parentId === undefined) raise(platformError(400, 'instance.send: this instance has no parent; name the receivers: {message, receiver: [instanceId]}.'));
      ids = [instance.parentId];
    } else if (typeof receiver === 'string' || typeof receiver === 'number') {
      ids = [String(receiver)];
    } else if (Array.isArray(receiver) && receiver.every((id) => typeof id === 'string' || typeof id === 'number')) {
      ids = receiver.map(String);
    } else {
      raise(platformError(400, 'instance.send: receiver must be an array of instance ids.'));
    }
    const targets = ids.map((id) => {
      const target = instances.get(id);
      if (!target?.ready) raise(platformError(400, `instance.send: instance "${id}" is not active; instance.get() lists the active ones.`));
      return target;
    });
    const data = { senderId: instance.id, sender: instance.id, message: args.message };
    await Promise.all(targets.filter((target) => target !== instance).map((target) => env.deliver(target, 'instance.message', data)));
    return undefined;
  }

  async function iparams(instance: HostInstance, key: unknown): Promise<unknown> {
    const installed = (await backend.get(`/_fdk/api/iparams?product=${instance.product}`)) as { installed: boolean; values: Record<string, unknown>; secure: string[] };
    if (key === undefined) return installed.values;
    if (typeof key !== 'string' || key === '') raise(platformError(400, 'iparams.get: the key must be a non-empty string.'));
    if (installed.secure.includes(key)) {
      raise(platformError(403, `iparams.get("${key}"): "${key}" is a secure iparam; the front end cannot read it. Use it in a request (<%= iparam.${key} %>) or server-side.`));
    }
    if (!Object.hasOwn(installed.values, key)) {
      const why = installed.installed ? `no iparam "${key}" is installed` : `the app is not installed in ${instance.product}; install it at /custom_configs`;
      raise(platformError(404, `iparams.get("${key}"): ${why}.`));
    }
    return { [key]: installed.values[key] };
  }

  function forward(path: string, instance: HostInstance, args: unknown): Promise<unknown> {
    if (!isObject(args)) raise(platformError(400, 'The arguments must be an object.'));
    return backend.post(path, { ...args, product: instance.product });
  }

  return async (instance, method, args) => {
    switch (method) {
      case 'init': {
        const context: InstanceContextValue = { instanceId: instance.id, location: instance.location, product: instance.product };
        if (instance.parentId !== undefined) context.parentId = instance.parentId;
        if (instance.location === 'modal') context.modalData = instance.modalData;
        if (instance.location === 'installation' && env.dataBind) context.dataBind = env.dataBind;
        return context;
      }
      case 'data.get': {
        const name = args[0];
        if (typeof name !== 'string' || name === '') raise(platformError(400, 'data.get: pass the name of a data object, e.g. "loggedInUser".'));
        const scope = recordScope(env.page(), instances.root(instance));
        return backend.post('/_fdk/api/data', { product: instance.product, name, location: instances.root(instance).location, ...scope });
      }
      case 'interface.trigger':
        return trigger(instance, args[0], args[1]);
      case 'instance.get':
        return instances.active().map((active) => ({ instanceId: active.id, location: active.location }));
      case 'instance.send':
        return send(instance, args[0]);
      case 'instance.resize': {
        const height = isObject(args[0]) ? parseHeight(args[0].height) : undefined;
        if (height === undefined) raise(platformError(400, 'instance.resize: pass {height} in pixels, e.g. {height: 400} or {height: "400px"}.'));
        ui.resize(instance, height);
        return undefined;
      }
      case 'instance.close':
        ui.close(instance);
        return undefined;
      case 'iparams.get':
        return iparams(instance, args[0]);
      case 'db':
        return forward('/_fdk/api/db', instance, args[0]);
      case 'request':
      case 'request.invokeTemplate':
        return forward('/_fdk/api/request', instance, args[0]);
      case 'request.invoke':
        return forward('/_fdk/api/invoke', instance, args[0]);
    }
  };
}
