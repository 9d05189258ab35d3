import { INTERFACE_LIMITS, type InterfaceAction, type PlatformError } from './client';
import type { ProductName } from './products';

/** The platform's argument checks for `interface.trigger`, shared by the emulator's host page and the fake client. */

type Args = Record<string, unknown>;
type Check = (args: Args, product: ProductName) => string | undefined;

export const NOTIFY_TYPES = ['info', 'success', 'warning', 'danger', 'alert'] as const;
const OPEN_IDS = ['lead', 'contact', 'account', 'deal', 'calllog'];
const SHOW_RECORD_IDS = ['lead', 'contact', 'account', 'deal'];

function text(args: Args, key: string, max: number | undefined, required: boolean): string | undefined {
  const value = args[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') return `${key} must be a non-empty string`;
  if (max !== undefined && value.length > max) return `${key} must be at most ${max} characters (got ${value.length}: "${value}")`;
  return undefined;
}

function oneOf(args: Args, key: string, allowed: readonly string[]): string | undefined {
  const value = args[key];
  return typeof value === 'string' && allowed.includes(value) ? undefined : `${key} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`;
}

function leadOnlyInFreshsales(args: Args, product: ProductName): string | undefined {
  return args['id'] === 'lead' && product !== 'freshsales' ? `leads exist only in Freshsales Classic (freshsales), not in ${product}` : undefined;
}

function recordId(value: unknown): string | undefined {
  return (typeof value === 'number' && Number.isInteger(value) && value > 0) || (typeof value === 'string' && /^\d+$/.test(value))
    ? undefined
    : `value must be the record's id (got ${JSON.stringify(value)})`;
}

const modal: Check = (args) => text(args, 'title', INTERFACE_LIMITS.modalTitle, true) ?? text(args, 'template', undefined, true);

/** The platform's argument rules per action (PLATFORM-FACTS §1, "client.interface.trigger"). */
const CHECKS: Record<InterfaceAction, Check> = {
  showModal: modal,
  showDialog: modal,
  showConfirm: (args) =>
    text(args, 'title', INTERFACE_LIMITS.modalTitle, true) ??
    text(args, 'message', INTERFACE_LIMITS.confirmMessage, true) ??
    text(args, 'saveLabel', INTERFACE_LIMITS.confirmLabel, false) ??
    text(args, 'cancelLabel', INTERFACE_LIMITS.confirmLabel, false),
  showNotify: (args) => oneOf(args, 'type', NOTIFY_TYPES) ?? text(args, 'message', undefined, true) ?? text(args, 'title', undefined, false),
  open: (args, product) => oneOf(args, 'id', OPEN_IDS) ?? leadOnlyInFreshsales(args, product),
  show: (args, product) =>
    args['id'] === 'phoneApp' ? undefined : (oneOf(args, 'id', [...SHOW_RECORD_IDS, 'phoneApp']) ?? leadOnlyInFreshsales(args, product) ?? recordId(args['value'])),
  hide: (args) => oneOf(args, 'id', ['phoneApp']),
};

export const INTERFACE_ACTIONS = Object.keys(CHECKS) as InterfaceAction[];

export function isInterfaceAction(action: unknown): action is InterfaceAction {
  return typeof action === 'string' && Object.hasOwn(CHECKS, action);
}

const badRequest = (message: string): PlatformError & { message: string } => ({ status: 400, message });

/** Why the platform would refuse `args` for `action`, as its 400 error; undefined when they are fine. */
export function checkTriggerArgs(action: unknown, args: unknown, product: ProductName): (PlatformError & { message: string }) | undefined {
  if (!isInterfaceAction(action)) {
    return badRequest(`interface.trigger: unknown action ${JSON.stringify(action)}; known: ${INTERFACE_ACTIONS.join(', ')}.`);
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    return badRequest(`interface.trigger("${action}"): the arguments must be an object.`);
  }
  const problem = CHECKS[action](args as Args, product);
  return problem === undefined ? undefined : badRequest(`interface.trigger("${action}"): ${problem}.`);
}
