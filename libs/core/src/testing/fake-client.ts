import type {
  ClientEventName,
  ClientRequest,
  RequestApi,
  DataObjects,
  EntityType,
  InstanceInfo,
  InterfaceActions,
  KeyValueStore,
  LoggedInUser,
  PlatformClient,
} from '../platform/client';
import { isPlaceholderOf, type PlaceholderName, type ProductName } from '../platform/products';
import { ConfirmDesk, type ConfirmAnswer, type ConfirmRecord } from './fake-client/confirm';
import { createDataApi, type DataSeed } from './fake-client/data-api';
import { copy } from './fake-client/errors';
import { createEventsApi, eventTargets, fireEvent, isClientEventName } from './fake-client/events';
import { createInstanceApi, type SentMessage } from './fake-client/instance-api';
import { createInterfaceApi, type NotificationRecord, type TriggerRecord } from './fake-client/interface-api';
import { createIparamsApi, InstallationStore, type Installation } from './fake-client/iparams';
import { InstanceRegistry, type FakeInstance } from './fake-client/registry';
import { createRequestApi } from './fake-client/request-api';
import { defaultDomainName, defaultLoggedInUser, defaultRecords, pageOfLocation, productContextOf } from './fake-client/seed';
import { checkFunctionName, unconfiguredDb, type ServerMethodHandler } from './fake-client/server-methods';

export type { ConfirmAnswer, ConfirmRecord } from './fake-client/confirm';
export type { SentMessage } from './fake-client/instance-api';
export type { NotificationRecord, TriggerRecord } from './fake-client/interface-api';
export type { Installation } from './fake-client/iparams';
export type { ServerMethodContext, ServerMethodHandler } from './fake-client/server-methods';

export interface FakePlatformOptions {
  /** The product `platform.client()` renders in unless told; `freshworks_crm` by default. */
  product?: ProductName;
  /** `client.db` of every instance; without it, db calls reject 501. */
  db?: KeyValueStore;
  /** `client.request` of every instance, e.g. `createFakeRequestApi(...)`; without it, HTTP calls reject 501 (SMI `invoke` still works). */
  request?: RequestApi | ClientRequest;
  /** Behave like older products: modals report location `overlay` and get their data as `data`, not `modalData`. */
  legacyModals?: boolean;
  /** Receivers get `{senderId, message: {message}}`, as some docs show, instead of `{senderId, message}`. */
  nestedMessages?: boolean;
  /** `showConfirm` resolves `{message: 'Save'}` (default) or the bare `'Save'`; docs show both. */
  confirmResult?: 'object' | 'string';
  /** SMI timeout; 5 s unless given (the platform's default). */
  serverMethodTimeoutMs?: number;
}

export interface FakeClientOptions {
  /** The placeholder the app renders in; `contact_entity_menu` by default. */
  location?: PlaceholderName;
  product?: ProductName;
}

/** A modal or dialog the app opened, with the client its page gets from `app.initialized()`. */
export interface FakeModal {
  readonly client: PlatformClient;
  readonly instanceId: string;
  readonly parentId: string;
  readonly action: 'showModal' | 'showDialog';
  readonly title: string;
  readonly template: string;
  readonly data: unknown;
  readonly isOpen: boolean;
  /** The user closes it with the platform's own close button; the app is told nothing. */
  dismiss(): void;
}

/** One simulated product page: every instance, record, installation and user answer the app's clients see. */
export interface FakePlatform {
  /** Renders the app in a placeholder and returns that instance's client. */
  client(options?: FakeClientOptions): PlatformClient;
  /** Fires an event at the placeholders that get it (or at `to`); resolves once every listener finished. */
  emit(name: ClientEventName, data?: unknown, options?: { to?: PlatformClient | PlatformClient[] }): Promise<void>;
  /** The record the page shows for `type` (what `data.get(type)` and `currentEntityInfo` give). */
  setRecord<K extends EntityType>(type: K, record: DataObjects[K]): void;
  setLoggedInUser(user: Partial<LoggedInUser>): void;
  setDomainName(domainName: string, product?: ProductName): void;
  /** Installs the app with these iparams; `secure` ones never reach the front end. */
  install(installation: Installation): void;
  /** The iparams as server-side code sees them, secure ones included. */
  installedIparams(): Record<string, unknown>;
  /** Answers `request.invoke(name, payload)` like an SMI function of server.js. */
  onInvoke(name: string, handler: ServerMethodHandler): void;
  /** The modal or dialog opened last; throws when none was. */
  lastModal(): FakeModal;
  /** Answers the `showConfirm` that is showing (the oldest, if several). */
  answerConfirm(answer: ConfirmAnswer): void;
  /** Answers the next `showConfirm` as soon as it shows. */
  answerNextConfirm(answer: ConfirmAnswer): void;
  /** Active instances, as `instance.get()` gives them. */
  instances(): InstanceInfo[];
  instanceIdOf(client: PlatformClient): string;
  /** The height the instance asked for with `instance.resize` (capped at 700), if it did. */
  heightOf(client: PlatformClient): number | undefined;
  readonly modals: readonly FakeModal[];
  readonly notifications: readonly NotificationRecord[];
  readonly triggers: readonly TriggerRecord[];
  readonly confirms: readonly ConfirmRecord[];
  readonly sent: readonly SentMessage[];
}

/** The shared fake of the front-end platform: behaves like the real client (async, limits, `{status, message}` errors). */
export function createFakePlatform(options: FakePlatformOptions = {}): FakePlatform {
  const defaultProduct = options.product ?? 'freshworks_crm';
  const registry = new InstanceRegistry();
  const clients = new WeakMap<PlatformClient, FakeInstance>();
  const installation = new InstallationStore();
  const confirms = new ConfirmDesk(options.confirmResult ?? 'object');
  const serverMethods = new Map<string, ServerMethodHandler>();
  const domains: Partial<Record<ProductName, string>> = {};
  const modals: FakeModal[] = [];
  const notifications: NotificationRecord[] = [];
  const triggers: TriggerRecord[] = [];
  const sent: SentMessage[] = [];
  const seed: DataSeed = {
    records: defaultRecords(),
    loggedInUser: defaultLoggedInUser(),
    domainName: (instance) => domainOf(instance.product),
  };

  function domainOf(product: ProductName): string {
    return domains[product] ?? defaultDomainName(product);
  }

  function instanceOf(client: PlatformClient): FakeInstance {
    const instance = clients.get(client);
    if (instance === undefined) throw new TypeError('This client was not created by this fake platform.');
    return instance;
  }

  function openModal(parent: FakeInstance, action: 'showModal' | 'showDialog', args: InterfaceActions['showModal']): void {
    const location = options.legacyModals === true ? 'overlay' : action === 'showDialog' ? 'dialog' : 'modal';
    const instance = registry.create({ location, product: parent.product, page: parent.page, parentId: parent.instanceId, modalData: args.data });
    modals.push({
      client: clientFor(instance),
      instanceId: instance.instanceId,
      parentId: parent.instanceId,
      action,
      title: args.title,
      template: args.template,
      data: args.data,
      get isOpen() {
        return instance.active;
      },
      dismiss() {
        instance.active = false;
      },
    });
  }

  function clientFor(instance: FakeInstance): PlatformClient {
    const client: PlatformClient = {
      context: {
        get productContext() {
          return productContextOf(instance.product, domainOf(instance.product));
        },
      },
      events: createEventsApi(instance),
      data: createDataApi(instance, seed),
      interface: createInterfaceApi(instance, { confirms, notifications, triggers, openModal }),
      instance: createInstanceApi(instance, {
        registry,
        legacyModalData: options.legacyModals === true,
        nestedMessages: options.nestedMessages === true,
        sent,
      }),
      iparams: createIparamsApi(installation),
      db: options.db ?? unconfiguredDb(),
      request: createRequestApi(options.request, {
        handlers: serverMethods,
        iparams: () => installation.all(),
        product: instance.product,
        timeoutMs: options.serverMethodTimeoutMs ?? 5_000,
      }),
    };
    clients.set(client, instance);
    return client;
  }

  return {
    client(clientOptions = {}) {
      const product = clientOptions.product ?? defaultProduct;
      const location: string = clientOptions.location ?? 'contact_entity_menu';
      if (!isPlaceholderOf(product, location)) {
        throw new TypeError(`${product} has no placeholder "${location}"; lead_entity_menu and left_nav_chat exist only in freshsales.`);
      }
      return clientFor(registry.create({ location, product, page: pageOfLocation(location), parentId: undefined, modalData: undefined }));
    },
    emit(name, data, emitOptions = {}) {
      if (!isClientEventName(name)) return Promise.reject(new TypeError(`emit: unknown event "${String(name)}".`));
      const to = emitOptions.to;
      const targets = to === undefined ? eventTargets(name, registry.active()) : (Array.isArray(to) ? to : [to]).map(instanceOf);
      return fireEvent(name, data, targets);
    },
    setRecord(type, record) {
      (seed.records as Record<EntityType, DataObjects[EntityType]>)[type] = copy(record);
    },
    setLoggedInUser(user) {
      seed.loggedInUser = { ...seed.loggedInUser, ...copy(user) };
    },
    setDomainName(domainName, product = defaultProduct) {
      domains[product] = domainName;
    },
    install: (next) => installation.install(next),
    installedIparams: () => installation.all(),
    onInvoke(name, handler) {
      checkFunctionName(name);
      serverMethods.set(name, handler);
    },
    lastModal() {
      const modal = modals.at(-1);
      if (modal === undefined) throw new Error('lastModal: the app has not opened a modal or dialog (interface.trigger("showModal", ...)).');
      return modal;
    },
    answerConfirm: (answer) => confirms.answer(answer),
    answerNextConfirm: (answer) => confirms.answerNext(answer),
    instances: () => registry.infos(),
    instanceIdOf: (client) => instanceOf(client).instanceId,
    heightOf: (client) => instanceOf(client).height,
    modals,
    notifications,
    triggers,
    confirms: confirms.records,
    sent,
  };
}
