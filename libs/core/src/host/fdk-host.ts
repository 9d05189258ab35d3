import { check, type Schema, type InputOf, type OutputOf } from '../schema/standard';
import type { ServerMethodContract } from '../app/server-method';
import type { ClientEventName, EntityType, JsonObject, PlatformApp, PlatformClient } from '../platform/client';
import { isProductName } from '../platform/products';
import { ServerMethodError, type HostPort, type RecordRef } from './port';

/** The host could not start: the platform's client is missing or answered something we cannot use. */
export class HostError extends Error {
  override name = 'HostError';
}

interface Rejection {
  status?: unknown;
  message?: unknown;
}

function describeRejection(error: unknown): { status: number; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Rejection;
  const status = typeof e.status === 'number' ? e.status : 500;
  const message = typeof e.message === 'string' && e.message ? e.message : error instanceof Error ? error.message : 'no message';
  return { status, message };
}

/** One platform registration per event; our listeners come and go behind it (the platform has no `off`). */
function createEventFanOut(client: PlatformClient) {
  const listeners = new Map<ClientEventName, Set<(data: unknown) => void>>();
  return (name: ClientEventName, listener: (data: unknown) => void) => {
    let set = listeners.get(name);
    if (!set) {
      const created = new Set<(data: unknown) => void>();
      listeners.set(name, created);
      set = created;
      client.events.on(name, (event) => {
        const data = event?.helper?.getData?.();
        for (const fn of [...created]) fn(data);
      });
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
}

/** Reads the dialled number from a `calling` event; products and docs name the field differently. */
function phoneNumberOf(data: unknown): string | undefined {
  if (typeof data === 'string') return data;
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const value = d.phoneNumber ?? d.number ?? d.phone_number;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Callbridge's host port over the FDK front-end client (`app.initialized()`). */
export async function createFdkHost(app: PlatformApp | undefined = (globalThis as { app?: PlatformApp }).app): Promise<HostPort> {
  if (!app || typeof app.initialized !== 'function') {
    throw new HostError('The platform client did not load (no global `app`): the template must load fresh_client.js or {{{appclient}}} before the app.');
  }
  const client = await app.initialized();
  const product = client.context?.productContext?.name;
  if (!isProductName(product)) throw new HostError(`This app runs in Freshworks CRM or Freshsales, not in "${String(product)}".`);
  const on = createEventFanOut(client);

  return {
    product,
    async currentRecord(): Promise<RecordRef | undefined> {
      try {
        const { currentEntityInfo } = await client.data.get('currentEntityInfo');
        return { type: currentEntityInfo.currentEntityType, id: Number(currentEntityInfo.currentEntityId) };
      } catch {
        return undefined;
      }
    },
    async record<T extends EntityType>(type: T) {
      const data = await client.data.get(type);
      return data[type];
    },
    async user() {
      const { loggedInUser } = await client.data.get('loggedInUser');
      return { id: loggedInUser.id, name: loggedInUser.display_name, email: loggedInUser.email, language: loggedInUser.language || 'en' };
    },
    onActivated: (callback) => on('app.activated', () => callback()),
    onDeactivated: (callback) => on('app.deactivated', () => callback()),
    onCalling: (callback) =>
      on('calling', (data) => {
        const number = phoneNumberOf(data);
        if (number) callback(number);
      }),
    async callServer<I extends Schema, O extends Schema>(method: ServerMethodContract<I, O>, input: InputOf<I>): Promise<OutputOf<O>> {
      const parsed = check(method.input, input);
      if (!parsed.ok) throw new ServerMethodError(method.name, 400, `${method.name}: the input is not valid: ${parsed.message}`);
      let response: unknown;
      try {
        ({ response } = await client.request.invoke(method.name, parsed.value as JsonObject));
      } catch (error) {
        const { status, message } = describeRejection(error);
        throw new ServerMethodError(method.name, status, message);
      }
      const output = check(method.output, typeof response === 'string' ? safeJson(response) : response);
      if (!output.ok) throw new ServerMethodError(method.name, 502, `${method.name} answered in an unexpected shape: ${output.message}`);
      return output.value;
    },
    // Loaded on first use, so placeholders that never open a modal or message other instances do not carry that code.
    openModal: async (modal, args) => (await import('../messaging/open-modal')).openModal(client, modal, args),
    modalSession: async (modal) => (await import('../messaging/modal-session')).modalSession(client, modal),
    messenger: async (contract) => (await import('../messaging/messenger')).createMessenger(client, contract),
    async notify(type, message) {
      await client.interface.trigger('showNotify', { type, title: type === 'danger' ? 'Error' : 'Callbridge', message });
    },
    async showRecord(type, id) {
      await client.interface.trigger('show', { id: type, value: id });
    },
    async showPhoneApp() {
      await client.interface.trigger('show', { id: 'phoneApp' });
    },
    async resize(height) {
      await client.instance.resize({ height });
    },
    iparams: { get: () => client.iparams.get() },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
