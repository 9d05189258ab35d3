import { dial, dialInput } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';

/**
 * Puts a call to `e164` on the rep's phone: from the phone system user with the logged-in rep's email, or, when the
 * platform gives no usable email, from the first available one.
 */
export async function placeCall(host: HostPort, e164: string): Promise<void> {
  const email = await host.user().then(
    (user) => user.email,
    () => undefined,
  );
  await host.callServer(dial, dialInput(e164, email));
}
