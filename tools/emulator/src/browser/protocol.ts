import { z } from 'zod';
import { platformErrorSchema, type PlatformErrorValue } from './platform-error';

/**
 * The emulator's own messages between the host page and app iframes. Every message carries the marker and version;
 * anything else on the `message` channel (an app's own messages, garbage) fails to parse and is ignored.
 */
export const MARKER = 'fdk-emulator';
export const PROTOCOL_VERSION = 1;

export const METHODS = [
  'init',
  'data.get',
  'interface.trigger',
  'instance.get',
  'instance.send',
  'instance.resize',
  'instance.close',
  'iparams.get',
  'db',
  'request',
  'request.invokeTemplate',
  'request.invoke',
] as const;
export type Method = (typeof METHODS)[number];

const id = z.string().min(1).max(100);
const base = { marker: z.literal(MARKER), v: z.literal(PROTOCOL_VERSION), id };

/** Instance to host: a client method call, or the acknowledgement that an event was handled. */
export const instanceMessageSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('call'), method: z.enum(METHODS), args: z.array(z.unknown()).max(8) }),
  z.object({ ...base, kind: z.literal('ack') }),
]);
export type InstanceMessage = z.output<typeof instanceMessageSchema>;

/** Host to instance: the answer to a call, or an event (`app.activated`, `calling`, `instance.message`, ...). */
export const hostMessageSchema = z.union([
  z.object({ ...base, kind: z.literal('reply'), ok: z.literal(true), value: z.unknown() }),
  z.object({ ...base, kind: z.literal('reply'), ok: z.literal(false), error: platformErrorSchema }),
  z.object({ ...base, kind: z.literal('event'), name: z.string().min(1).max(100), data: z.unknown() }),
]);
export type HostMessage = z.output<typeof hostMessageSchema>;

export function parseInstanceMessage(data: unknown): InstanceMessage | undefined {
  const parsed = instanceMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export function parseHostMessage(data: unknown): HostMessage | undefined {
  const parsed = hostMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

const envelope = { marker: MARKER, v: PROTOCOL_VERSION } as const;

export const callMessage = (callId: string, method: Method, args: unknown[]) => ({ ...envelope, kind: 'call' as const, id: callId, method, args });
export const ackMessage = (eventId: string) => ({ ...envelope, kind: 'ack' as const, id: eventId });
export const replyMessage = (callId: string, value: unknown) => ({ ...envelope, kind: 'reply' as const, id: callId, ok: true as const, value });
export const errorMessage = (callId: string, error: PlatformErrorValue) => ({ ...envelope, kind: 'reply' as const, id: callId, ok: false as const, error });
export const eventMessage = (eventId: string, name: string, data: unknown) => ({ ...envelope, kind: 'event' as const, id: eventId, name, data });

/** What `init` answers: who the instance is, and for modals what their opener passed. */
export interface InstanceContextValue {
  instanceId: string;
  location: string;
  parentId?: string;
  modalData?: unknown;
  product: string;
  /** Installation pages: the values `data-bind` fields are filled with. */
  dataBind?: { 'product.domain': string; 'product.api_key': string };
}

/** A short id unique enough within one page. */
export function idGenerator(prefix: string): () => string {
  let next = 0;
  const salt = Math.random().toString(36).slice(2, 8);
  return () => `${prefix}-${salt}-${++next}`;
}
