import { bootFromScriptUrl, type ClientBoot } from './client/boot';
import { createClient, type EmulatedClient } from './client/create-client';
import { EventHub } from './client/event-hub';
import { createTransport } from './client/transport';
import { fillDataBind } from './dom/data-bind';
import type { InstanceContextValue } from './protocol';
import { withFail, type FdkPromise } from './with-fail';

/** The emulator's stand-in for fresh_client.js: defines `app` (and `client` on installation pages). */
declare global {
  interface Window {
    app: { initialized(): FdkPromise<EmulatedClient> };
    client?: EmulatedClient;
  }
}

function findBoot(): ClientBoot {
  const current = document.currentScript as HTMLScriptElement | null;
  const fromScripts = [...document.scripts].map((script) => bootFromScriptUrl(script.src)).find((boot) => boot !== undefined);
  return bootFromScriptUrl(current?.src) ?? fromScripts ?? { product: 'freshworks_crm', installation: false };
}

if (!window.app?.initialized) {
  const boot = findBoot();
  const hub = new EventHub();
  const transport = createTransport({ self: window, parent: window.parent, origin: location.origin, onEvent: (name, data) => hub.emit(name, data) });
  let context: Promise<InstanceContextValue> | undefined;
  const init = () => (context ??= transport.call('init', []) as Promise<InstanceContextValue>);
  let client: EmulatedClient | undefined;
  const getClient = () => (client ??= createClient({ product: boot.product, transport, hub, context: init() }));

  window.app = { initialized: () => withFail(init().then(() => getClient())) };

  if (boot.installation) {
    window.client = getClient();
    init().then(
      (value) => fillDataBind(document, value.dataBind),
      (error: unknown) => console.error('fdk emulator:', error),
    );
  }
}
