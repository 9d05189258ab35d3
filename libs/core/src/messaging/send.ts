import type { JsonValue, PlatformClient } from '../platform/client';
import { describeCause, MessagingError } from './errors';

/**
 * `instance.send`, always as a promise: to `receiver` ids, or to the parent when there are none. The platform may
 * throw, reject (receivers must be active) or return nothing; all failures become one MessagingError.
 */
export async function sendMessage(client: PlatformClient, message: JsonValue, receiver?: string[]): Promise<void> {
  const target = receiver === undefined ? 'the parent instance' : `instance ${receiver.join(', ')}`;
  try {
    await (receiver === undefined ? client.instance.send({ message }) : client.instance.send({ message, receiver }));
  } catch (cause) {
    throw new MessagingError('send-failed', `Could not send a message to ${target}: ${describeCause(cause)}`, { cause });
  }
}
