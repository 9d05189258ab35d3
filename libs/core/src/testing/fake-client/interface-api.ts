import type { ClientInterface, InterfaceAction, InterfaceActions, InterfaceResults, NotifyType } from '../../platform/client';
import type { ConfirmDesk } from './confirm';
import { copy, later, platformError, rejectWith } from './errors';
import type { FakeInstance } from './registry';
import { checkTriggerArgs } from '../../platform/interface-args';

export interface NotificationRecord {
  instanceId: string;
  type: NotifyType;
  title?: string;
  message: string;
}

/** Every accepted `interface.trigger` call, in order. */
export interface TriggerRecord {
  instanceId: string;
  action: InterfaceAction;
  args: unknown;
}

export interface InterfaceApiSettings {
  confirms: ConfirmDesk;
  notifications: NotificationRecord[];
  triggers: TriggerRecord[];
  /** Renders the modal or dialog instance and returns nothing the app can see. */
  openModal(parent: FakeInstance, action: 'showModal' | 'showDialog', args: InterfaceActions['showModal']): void;
}

/** `client.interface` for one instance: the platform's limits are checked before anything happens. */
export function createInterfaceApi(instance: FakeInstance, settings: InterfaceApiSettings): ClientInterface {
  function run(action: InterfaceAction, args: unknown): Promise<unknown> {
    const refusal = checkTriggerArgs(action, args, instance.product);
    if (refusal !== undefined) return rejectWith(platformError(refusal.status, refusal.message));
    let cloned: unknown;
    try {
      cloned = copy(args);
    } catch {
      return rejectWith(platformError(400, `interface.trigger("${action}"): the arguments cannot be cloned (functions and DOM nodes cannot travel).`));
    }
    settings.triggers.push({ instanceId: instance.instanceId, action, args: cloned });

    if (action === 'showModal' || action === 'showDialog') {
      settings.openModal(instance, action, cloned as InterfaceActions['showModal']);
      return later(() => undefined);
    }
    if (action === 'showConfirm') {
      const { title, message, saveLabel, cancelLabel } = args as InterfaceActions['showConfirm'];
      return settings.confirms.show({ instanceId: instance.instanceId, title, message, saveLabel, cancelLabel });
    }
    if (action === 'showNotify') {
      const { type, title, message } = args as InterfaceActions['showNotify'];
      settings.notifications.push({ instanceId: instance.instanceId, type, title, message });
    }
    return later(() => undefined);
  }

  return {
    trigger<A extends InterfaceAction>(action: A, args: InterfaceActions[A]): Promise<InterfaceResults[A]> {
      return run(action, args) as Promise<InterfaceResults[A]>;
    },
  };
}
