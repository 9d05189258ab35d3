import type { ClientInstance, InstanceContext, InstanceMessageEnvelope, JsonValue } from '../../platform/client';
import { copy, later, platformError, rejectWith } from './errors';
import { isModalLike, type FakeInstance, type InstanceRegistry } from './registry';

/** The platform's cap on `instance.resize`. */
export const MAX_INSTANCE_HEIGHT = 700;

/** A message the fake delivered, kept for assertions. */
export interface SentMessage {
  from: string;
  to: string[];
  message: unknown;
}

export interface InstanceApiSettings {
  registry: InstanceRegistry;
  /** Older products hand a modal its data as `data`, not `modalData`. */
  legacyModalData: boolean;
  /** Some docs show the receiver getting `{senderId, message: {message}}`. */
  nestedMessages: boolean;
  sent: SentMessage[];
}

function parseHeight(height: unknown): number | undefined {
  if (typeof height === 'number') return Number.isFinite(height) && height >= 0 ? height : undefined;
  if (typeof height !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/.exec(height);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function contextOf(instance: FakeInstance, legacyModalData: boolean): InstanceContext {
  const context: InstanceContext = { instanceId: instance.instanceId, location: instance.location };
  if (instance.parentId !== undefined) context.parentId = instance.parentId;
  if (isModalLike(instance) && instance.modalData !== undefined) {
    if (legacyModalData) context.data = copy(instance.modalData);
    else context.modalData = copy(instance.modalData);
  }
  return context;
}

/**
 * `client.instance` for one instance. Sending to a receiver that is not active rejects with 400 and delivers to
 * nobody (the docs say receivers must be active; failing loudly beats a message silently lost in a test).
 * Messages arrive on a microtask, structured-cloned like `postMessage`.
 */
export function createInstanceApi(instance: FakeInstance, settings: InstanceApiSettings): ClientInstance {
  const { registry } = settings;
  const closed = (what: string): Promise<never> =>
    rejectWith(platformError(400, `instance.${what}: instance ${instance.instanceId} (${instance.location}) is closed.`));

  function deliver(message: JsonValue, receivers: FakeInstance[]): void {
    for (const receiver of receivers) {
      const data: InstanceMessageEnvelope = {
        senderId: instance.instanceId,
        message: settings.nestedMessages ? { message: copy(message) } : copy(message),
      };
      for (const callback of [...receiver.receivers]) {
        queueMicrotask(() => {
          if (receiver.active) callback({ type: 'instance.message', helper: { getData: () => copy(data) } });
        });
      }
    }
    settings.sent.push({ from: instance.instanceId, to: receivers.map((receiver) => receiver.instanceId), message: copy(message) });
  }

  return {
    context: () => later(() => contextOf(instance, settings.legacyModalData)),
    get: () => later(() => registry.infos()),

    send(args) {
      if (!instance.active) return closed('send');
      if (typeof args !== 'object' || args === null || args.message === undefined) {
        return rejectWith(platformError(400, 'instance.send: pass { message, receiver? }; message is required.'));
      }
      let message: JsonValue;
      try {
        message = copy(args.message);
      } catch {
        return rejectWith(platformError(400, 'instance.send: the message cannot be cloned (functions, DOM nodes and symbols cannot travel).'));
      }
      let receivers: FakeInstance[];
      if (args.receiver === undefined) {
        const parent = instance.parentId === undefined ? undefined : registry.find(instance.parentId);
        if (parent === undefined) {
          return rejectWith(platformError(400, `instance.send: instance ${instance.instanceId} has no parent; pass receiver: [instanceIds].`));
        }
        receivers = [parent];
      } else {
        if (!Array.isArray(args.receiver) || args.receiver.length === 0) {
          return rejectWith(platformError(400, 'instance.send: receiver must be a non-empty array of instance ids (omit it to send to the parent).'));
        }
        receivers = [];
        for (const id of args.receiver) {
          const receiver = registry.find(String(id));
          if (receiver === undefined) return rejectWith(platformError(400, `instance.send: no instance "${String(id)}".`));
          receivers.push(receiver);
        }
      }
      const inactive = receivers.filter((receiver) => !receiver.active);
      if (inactive.length > 0) {
        const ids = inactive.map((receiver) => receiver.instanceId).join(', ');
        return rejectWith(platformError(400, `instance.send: receiver ${ids} is not active; receivers must be active (see instance.get()).`));
      }
      deliver(message, receivers);
      return later(() => undefined);
    },

    receive(callback) {
      instance.receivers.push(callback);
    },

    resize(args) {
      if (!instance.active) return closed('resize');
      const height = parseHeight((args as { height?: unknown } | undefined)?.height);
      if (height === undefined) {
        return rejectWith(platformError(400, 'instance.resize: height must be a number of pixels or a string like "500px".'));
      }
      instance.height = Math.min(height, MAX_INSTANCE_HEIGHT);
      return later(() => undefined);
    },

    close() {
      if (!instance.active) return closed('close');
      if (!isModalLike(instance)) {
        return rejectWith(platformError(400, `instance.close: only modals and dialogs can be closed, not ${instance.location}.`));
      }
      instance.active = false;
      return later(() => undefined);
    },
  };
}
