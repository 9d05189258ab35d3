import { type Schema, type InputOf, type OutputOf } from '../schema/standard';
import type { ServerMethodContract } from '../app/server-method';
import type { IparamSource } from '../iparams/reader';
import type { ModalContract } from '../messaging/modal-contract';
import type { ModalSession } from '../messaging/modal-session';
import type { MessageContract, MessageDefinitions } from '../messaging/contract';
import type { Messenger } from '../messaging/messenger';
import type { DataObjects, EntityType, NotifyType } from '../platform/client';
import type { ProductName } from '../platform/products';

export interface RecordRef {
  type: EntityType;
  id: number;
}

export interface HostUser {
  id: number;
  name: string;
  email: string;
  /** BCP 47-ish language code, e.g. "en". */
  language: string;
}

/**
 * What Callbridge's front end needs from the CRM it runs in. Components and helpers depend on this port, never on one
 * vendor's client, so a second host (Zendesk Sell) only has to implement it.
 */
export interface HostPort {
  readonly product: ProductName;
  /** The record the placeholder is showing; undefined in global locations such as the phone app. */
  currentRecord(): Promise<RecordRef | undefined>;
  record<T extends EntityType>(type: T): Promise<DataObjects[T]>;
  user(): Promise<HostUser>;
  /** The app was opened or the rep moved to another record. Returns a function that stops listening. */
  onActivated(callback: () => void): () => void;
  onDeactivated(callback: () => void): () => void;
  /** The rep clicked a phone number in the CRM (phone app only). */
  onCalling(callback: (phoneNumber: string) => void): () => void;
  callServer<I extends Schema, O extends Schema>(method: ServerMethodContract<I, O>, input: InputOf<I>): Promise<OutputOf<O>>;
  openModal<I extends Schema, R extends Schema>(
    modal: ModalContract<I, R>,
    args: { title: string; data: InputOf<I> },
  ): Promise<OutputOf<R> | undefined>;
  /** In a modal: the data it was opened with (checked by the contract) and the one way to answer the opener. */
  modalSession<I extends Schema, R extends Schema>(modal: ModalContract<I, R>): Promise<ModalSession<I, R>>;
  /** Typed messages with the app's other instances (broadcasts, request/reply) under a shared contract. */
  messenger<D extends MessageDefinitions>(contract: MessageContract<D>): Promise<Messenger<D>>;
  notify(type: NotifyType, message: string): Promise<void>;
  showRecord(type: 'contact' | 'lead' | 'deal' | 'account', id: number): Promise<void>;
  showPhoneApp(): Promise<void>;
  resize(height: number): Promise<void>;
  readonly iparams: IparamSource;
}

/** A server method failed; `status` is what the handler answered (or the platform's 4xx/5xx). */
export class ServerMethodError extends Error {
  override name = 'ServerMethodError';
  constructor(
    readonly method: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
