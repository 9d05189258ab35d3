import { safeParse, type Schema } from '../schema/standard';
import type { PlatformClient } from '../platform/client';
import { listenToBroadcasts, sendBroadcast } from './broadcast';
import type {
  BroadcastInput,
  BroadcastOutput,
  BroadcastType,
  MessageContract,
  MessageDefinitions,
  ReplyInput,
  ReplyOutput,
  RequestDefinition,
  RequestInput,
  RequestOutput,
  RequestType,
} from './contract';
import { logIgnored } from './debug-log';
import { describeIssues, MessagingError } from './errors';
import { messageHub } from './hub';
import { toJsonValue } from './json';
import { DEFAULT_REQUEST_TIMEOUT_MS, registerRequestHandler, sendRequest, type RequestMeta } from './request-reply';

export interface RequestOptions {
  /** How long to wait for the reply; 5 s unless given. */
  timeoutMs?: number;
}

/** Typed request/reply and broadcast over one contract, for one client. */
export interface Messenger<D extends MessageDefinitions> {
  /** Asks instance `receiverId`; resolves with its validated reply or rejects with a MessagingError (`timeout`, ...). */
  request<K extends RequestType<D>>(receiverId: string, type: K, payload: RequestInput<D, K>, options?: RequestOptions): Promise<ReplyOutput<D, K>>;
  /** Answers requests of `type`; what the handler returns (or throws) goes back to the requester. */
  onRequest<K extends RequestType<D>>(
    type: K,
    handler: (payload: RequestOutput<D, K>, meta: RequestMeta) => ReplyInput<D, K> | Promise<ReplyInput<D, K>>,
  ): () => void;
  /** Sends to the app's other active instances; resolves with the ids it reached. */
  broadcast<K extends BroadcastType<D>>(type: K, payload: BroadcastInput<D, K>): Promise<string[]>;
  /** Listens to broadcasts of `type`; payloads that do not match the contract are ignored with a debug line. */
  onBroadcast<K extends BroadcastType<D>>(type: K, listener: (payload: BroadcastOutput<D, K>, meta: RequestMeta) => void): () => void;
}

function checked(schema: Schema, value: unknown, what: string): unknown {
  const parsed = safeParse(schema, value);
  if (!parsed.success) throw new MessagingError('invalid-payload', `${what} does not match its contract: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function createMessenger<D extends MessageDefinitions>(client: PlatformClient, contract: MessageContract<D>): Messenger<D> {
  const hub = messageHub(client);
  const requestDefinition = (type: string): RequestDefinition => contract.definitions[type] as RequestDefinition;
  const broadcastSchema = (type: string): Schema => contract.definitions[type] as Schema;

  return {
    async request(receiverId, type, payload, options = {}) {
      const { request, reply } = requestDefinition(type);
      checked(request, payload, `The payload of request "${type}"`);
      const raw = await sendRequest(hub, receiverId, type, toJsonValue(payload, `The payload of "${type}"`), options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
      return checked(reply, raw, `The reply to "${type}" from instance ${receiverId}`) as ReplyOutput<D, typeof type>;
    },

    onRequest(type, handler) {
      const { request, reply } = requestDefinition(type);
      return registerRequestHandler(hub, type, async (raw, meta) => {
        const payload = checked(request, raw, `The payload of request "${type}"`) as RequestOutput<D, typeof type>;
        const answer = await handler(payload, meta);
        checked(reply, answer, `The reply of this instance's "${type}" handler`);
        return toJsonValue(answer, `The reply to "${type}"`);
      });
    },

    async broadcast(type, payload) {
      checked(broadcastSchema(type), payload, `The payload of broadcast "${type}"`);
      return sendBroadcast(hub, type, toJsonValue(payload, `The payload of "${type}"`));
    },

    onBroadcast(type, listener) {
      const schema = broadcastSchema(type);
      return listenToBroadcasts(hub, type, (raw, senderId) => {
        const parsed = safeParse(schema, raw);
        if (!parsed.success) {
          logIgnored(`broadcast "${type}" from instance ${senderId} does not match the contract (${describeIssues(parsed.error)})`, raw);
          return;
        }
        listener(parsed.data as BroadcastOutput<D, typeof type>, { senderId });
      });
    },
  };
}
