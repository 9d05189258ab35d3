import { phoneMessages, type IncomingCall } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';

/**
 * Hears `call.incoming` from the app's other instances (and the emulator standing in for the phone system) until the
 * returned function is called. Loaded with the messaging code it needs, after the dial pad shows.
 */
export async function listenForCalls(host: HostPort, listener: (call: IncomingCall) => void): Promise<() => void> {
  const messenger = await host.messenger(phoneMessages);
  return messenger.onBroadcast('call.incoming', listener);
}
