import { isSchema, type Schema, type InputOf, type OutputOf } from '../schema/standard';
import { MessagingError } from './messaging-error';

/** A request type: what the requester sends and what the handler replies. */
export interface RequestDefinition<Req extends Schema = Schema, Rep extends Schema = Schema> {
  request: Req;
  reply: Rep;
}

/** By message type name: a schema (a broadcast) or a `{request, reply}` pair (a request type). */
export type MessageDefinitions = Record<string, Schema | RequestDefinition>;

/** The shared contract senders and receivers import, so both sides agree on names and payload types. */
export interface MessageContract<D extends MessageDefinitions> {
  readonly definitions: D;
}

export type BroadcastType<D extends MessageDefinitions> = {
  [K in keyof D & string]: D[K] extends Schema ? K : never;
}[keyof D & string];

export type RequestType<D extends MessageDefinitions> = {
  [K in keyof D & string]: D[K] extends RequestDefinition ? K : never;
}[keyof D & string];

/** What a broadcaster passes (schema input) and a listener gets (schema output). */
export type BroadcastInput<D extends MessageDefinitions, K extends BroadcastType<D>> = D[K] extends Schema ? InputOf<D[K]> : never;
export type BroadcastOutput<D extends MessageDefinitions, K extends BroadcastType<D>> = D[K] extends Schema ? OutputOf<D[K]> : never;

export type RequestInput<D extends MessageDefinitions, K extends RequestType<D>> = D[K] extends RequestDefinition<infer Req> ? InputOf<Req> : never;
export type RequestOutput<D extends MessageDefinitions, K extends RequestType<D>> = D[K] extends RequestDefinition<infer Req> ? OutputOf<Req> : never;
export type ReplyInput<D extends MessageDefinitions, K extends RequestType<D>> = D[K] extends RequestDefinition<Schema, infer Rep> ? InputOf<Rep> : never;
export type ReplyOutput<D extends MessageDefinitions, K extends RequestType<D>> = D[K] extends RequestDefinition<Schema, infer Rep> ? OutputOf<Rep> : never;

const TYPE_NAME = /^[A-Za-z][\w.:-]{0,199}$/;

export { isSchema };

export function isRequestDefinition(value: unknown): value is RequestDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const { request, reply } = value as Partial<Record<'request' | 'reply', unknown>>;
  return isSchema(request) && isSchema(reply);
}

/**
 * Declares message types once for both sides:
 * `defineMessages({ 'call.logged': z.object({...}), 'calls.find': { request: z.object({...}), reply: z.array(...) } })`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineMessages<const D extends MessageDefinitions>(definitions: D): MessageContract<D> {
  for (const [type, definition] of Object.entries(definitions)) {
    if (!TYPE_NAME.test(type)) {
      throw new MessagingError(
        'invalid-contract',
        `Message type "${type}" is not a valid name: start with a letter, then letters, digits, ".", ":", "_" or "-" (at most 200).`,
      );
    }
    if (!isSchema(definition) && !isRequestDefinition(definition)) {
      throw new MessagingError(
        'invalid-contract',
        `Message type "${type}" must be a schema (a broadcast) or { request: schema, reply: schema } (a request type).`,
      );
    }
  }
  return { definitions };
}
