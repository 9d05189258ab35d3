import type { ProductName } from './products';

/** Events any app can register: app setup, external and scheduled. */
export const APP_EVENTS = ['onAppInstall', 'afterAppUpdate', 'onAppUninstall', 'onExternalEvent', 'onScheduledEvent'] as const;

/** Record events both CRM products fire (the platform's generated samples list exactly these). */
const CRM_RECORD_EVENTS = [
  'onAppointmentCreate',
  'onAppointmentUpdate',
  'onContactCreate',
  'onContactUpdate',
  'onCpqDocumentCreate',
  'onCpqDocumentDelete',
  'onCpqDocumentUpdate',
  'onCustomModuleCreate',
  'onCustomModuleUpdate',
  'onDealCreate',
  'onDealUpdate',
  'onEmailConversationCreate',
  'onEmailConversationDelete',
  'onEmailConversationUpdate',
  'onPhoneCallCreate',
  'onPhoneCallUpdate',
  'onProductCreate',
  'onProductUpdate',
  'onSalesAccountCreate',
  'onSalesAccountUpdate',
  'onSalesActivityCreate',
  'onSalesActivityUpdate',
  'onTaskCreate',
  'onTaskUpdate',
  'onUserAgentAvailabilityUpdate',
] as const;

/** Every event each product can deliver to an app; lead events exist only in Freshsales Classic. */
export const PRODUCT_EVENTS = {
  freshworks_crm: [...APP_EVENTS, ...CRM_RECORD_EVENTS],
  freshsales: [...APP_EVENTS, ...CRM_RECORD_EVENTS, 'onLeadCreate', 'onLeadDelete', 'onLeadUpdate'],
} as const satisfies Record<ProductName, readonly string[]>;

export type EventName<P extends ProductName = ProductName> = (typeof PRODUCT_EVENTS)[P][number];

export function isEventOf<P extends ProductName>(product: P, name: string): name is EventName<P> {
  return (PRODUCT_EVENTS[product] as readonly string[]).includes(name);
}

/** App setup events get 10 s; every other event 20 s. */
export function eventTimeoutMs(name: string): number {
  return name === 'onAppInstall' || name === 'afterAppUpdate' || name === 'onAppUninstall' ? 10_000 : 20_000;
}

export { SERVER_METHOD_NAME } from './server-method-name';
