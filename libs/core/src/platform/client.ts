import type { PlaceholderName, ProductName } from './products';

/**
 * The front-end platform client (`app.initialized()` resolves it), typed from the reference and PLATFORM-FACTS §1.
 * Only this file and the FDK host know these names; everything else talks to the HostPort.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Errors the platform rejects promises with. */
export interface PlatformError {
  status: number;
  message?: string;
  /** For requests: whether the app or the platform failed. */
  errorSource?: 'APP' | 'PLATFORM';
  response?: string;
  headers?: Record<string, string>;
  attempts?: number;
}

/** Events the product fires at apps. */
export type ClientEventName =
  | 'app.activated'
  | 'app.deactivated'
  | 'calling'
  | 'contact.update'
  | 'deal.update'
  | 'account.update'
  | 'lead.update';

export interface ClientEvent<T = unknown> {
  type: string;
  helper: { getData(): T };
}

/** `calling`: the rep clicked a phone number in the CRM. */
export interface CallingEventData {
  phoneNumber?: string;
  number?: string;
  [key: string]: unknown;
}

export interface ClientEvents {
  on(name: 'calling', callback: (event: ClientEvent<CallingEventData>) => void): void;
  on(name: ClientEventName, callback: (event: ClientEvent) => void): void;
}

export interface LoggedInUser {
  id: number;
  display_name: string;
  email: string;
  language: string;
  time_zone: string;
  work_number: string | null;
  mobile_number: string | null;
  [key: string]: unknown;
}

/** A CRM record as data.get returns it; the product adds many fields we do not model. */
export interface CrmRecord {
  id: number;
  [key: string]: unknown;
}

export interface ContactRecord extends CrmRecord {
  first_name?: string | null;
  last_name?: string | null;
  display_name?: string;
  email?: string | null;
  mobile_number?: string | null;
  work_number?: string | null;
}

export type LeadRecord = ContactRecord;

export interface DealRecord extends CrmRecord {
  name: string;
  amount?: number | string | null;
  contact_ids?: number[];
}

export interface SalesAccountRecord extends CrmRecord {
  name: string;
  phone?: string | null;
}

export type EntityType = 'contact' | 'deal' | 'sales_account' | 'lead';

/** Objects `client.data.get(name)` knows, by name, and what it resolves them to. */
export interface DataObjects {
  loggedInUser: LoggedInUser;
  domainName: string;
  currentEntityInfo: { currentEntityId: number; currentEntityType: EntityType };
  contact: ContactRecord;
  deal: DealRecord;
  sales_account: SalesAccountRecord;
  lead: LeadRecord;
}
export type DataObjectName = keyof DataObjects;

export interface ClientData {
  get<K extends DataObjectName>(name: K): Promise<{ [P in K]: DataObjects[P] }>;
}

/** Platform limits on interface.trigger arguments. */
export const INTERFACE_LIMITS = {
  modalTitle: 30,
  confirmMessage: 100,
  confirmLabel: 11,
  confirmTimeoutMs: 10_000,
} as const;

export type NotifyType = 'info' | 'success' | 'warning' | 'danger' | 'alert';

/** Arguments of each interface action, by action name. */
export interface InterfaceActions {
  showModal: { title: string; template: string; data?: JsonValue };
  showDialog: { title: string; template: string; data?: JsonValue };
  showConfirm: { title: string; message: string; saveLabel?: string; cancelLabel?: string };
  showNotify: { type: NotifyType; title?: string; message: string };
  open: { id: 'lead' | 'contact' | 'account' | 'deal' | 'calllog' };
  show: { id: 'lead' | 'contact' | 'account' | 'deal' | 'phoneApp'; value?: number | string };
  hide: { id: 'phoneApp' };
}
export type InterfaceAction = keyof InterfaceActions;

export interface InterfaceResults {
  showModal: unknown;
  showDialog: unknown;
  showConfirm: { message: 'Save' | 'Cancel' } | 'Save' | 'Cancel';
  showNotify: unknown;
  open: unknown;
  show: unknown;
  hide: unknown;
}

export interface ClientInterface {
  trigger<A extends InterfaceAction>(action: A, args: InterfaceActions[A]): Promise<InterfaceResults[A]>;
}

/** `modal` in current docs; older docs and some products say `overlay`. */
export type InstanceLocation = PlaceholderName | 'modal' | 'overlay' | 'dialog';

export interface InstanceContext {
  instanceId: string;
  location: InstanceLocation;
  parentId?: string;
  modalData?: unknown;
  data?: unknown;
}

export interface InstanceInfo {
  instanceId: string;
  location: InstanceLocation;
}

/** What `event.helper.getData()` gives a receiver. */
export interface InstanceMessageEnvelope {
  senderId: string;
  message: unknown;
}

export interface ClientInstance {
  context(): Promise<InstanceContext>;
  get(): Promise<InstanceInfo[]>;
  send(args: { message: JsonValue; receiver?: string[] }): void | Promise<unknown>;
  receive(callback: (event: ClientEvent<InstanceMessageEnvelope>) => void): void;
  resize(args: { height: number | string }): void | Promise<unknown>;
  close(): void | Promise<unknown>;
}

export interface ClientIparams {
  get(): Promise<Record<string, unknown>>;
  get(key: string): Promise<Record<string, unknown>>;
}

export interface DbSetOptions {
  ttl?: number;
  setIf?: 'exist' | 'not_exist';
}
export type DbUpdateAction = 'increment' | 'append' | 'set' | 'remove';

export interface KeyValueStore {
  set(key: string, value: JsonObject, options?: DbSetOptions): Promise<{ Created: true }>;
  get(key: string): Promise<JsonObject>;
  update(key: string, action: DbUpdateAction, attributes: JsonObject | string[], options?: DbSetOptions): Promise<{ Updated: true }>;
  delete(key: string): Promise<{ Deleted: true }>;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Options of the 2.1/2.2 free-form request methods. */
export interface FreeFormRequestOptions {
  headers?: Record<string, string>;
  body?: string;
  json?: JsonValue;
  staticIP?: boolean;
  maxAttempts?: number;
  retryDelay?: number;
  /** OAuth apps: the platform fills `<%= access_token %>` in headers from the app's OAuth config. */
  isOAuth?: boolean;
}

export interface RequestSuccess {
  status: number;
  headers: Record<string, string>;
  response: string;
  attempts?: number;
}

/** 2.3+: what a caller passes to invokeTemplate. */
export interface InvokeTemplateOptions {
  context?: Record<string, string | number | boolean>;
  body?: string;
  query?: Record<string, string>;
}

export interface RequestApi {
  get(url: string, options?: FreeFormRequestOptions): Promise<RequestSuccess>;
  post(url: string, options?: FreeFormRequestOptions): Promise<RequestSuccess>;
  put(url: string, options?: FreeFormRequestOptions): Promise<RequestSuccess>;
  patch(url: string, options?: FreeFormRequestOptions): Promise<RequestSuccess>;
  delete(url: string, options?: FreeFormRequestOptions): Promise<RequestSuccess>;
  invokeTemplate(name: string, options: InvokeTemplateOptions): Promise<RequestSuccess>;
}

export interface ClientRequest extends RequestApi {
  /** Server Method Invocation: runs an SMI function of server.js. */
  invoke(name: string, payload: JsonObject): Promise<{ requestID: string; response: unknown }>;
}

export interface ProductContext {
  name: ProductName;
  url?: string;
}

export interface PlatformClient {
  context: { productContext: ProductContext };
  events: ClientEvents;
  data: ClientData;
  interface: ClientInterface;
  instance: ClientInstance;
  iparams: ClientIparams;
  db: KeyValueStore;
  request: ClientRequest;
}

/** The global `app` the platform's client script defines. */
export interface PlatformApp {
  initialized(): Promise<PlatformClient>;
}
