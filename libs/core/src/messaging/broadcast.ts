import type { JsonValue } from '../platform/client';
import { newCorrelationId } from './correlation-id';
import { createEnvelope } from './envelope';
import type { MessageHub } from './hub';
import { sendMessage } from './send';

/**
 * Sends to every other active instance of the app (never to itself) and resolves with their ids. With no other
 * instance it sends nothing: `send` without receivers would go to the parent instead.
 */
export async function sendBroadcast(hub: MessageHub, type: string, payload: JsonValue): Promise<string[]> {
  const [self, instances] = await Promise.all([hub.self(), hub.client.instance.get()]);
  const receivers = instances.map((instance) => instance.instanceId).filter((id) => id !== self.instanceId);
  if (receivers.length === 0) return [];
  await sendMessage(hub.client, createEnvelope('broadcast', newCorrelationId(), type, payload), receivers);
  return receivers;
}

/** Calls `listener` with the raw payload of each broadcast of `type`. */
export function listenToBroadcasts(hub: MessageHub, type: string, listener: (payload: unknown, senderId: string) => void): () => void {
  return hub.listen((envelope, senderId) => {
    if (envelope.kind === 'broadcast' && envelope.type === type) listener(envelope.payload, senderId);
  });
}
