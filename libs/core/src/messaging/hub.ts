import type { ClientEvent, InstanceContext, PlatformClient } from '../platform/client';
import type { Envelope } from './envelope';
import { logIgnored, logListenerFailure } from './debug-log';
import { parseInstanceMessage } from './inbound';

export type EnvelopeListener = (envelope: Envelope, senderId: string) => void;

/** The one `instance.receive` registration of a client, fanned out to every Callbridge listener on it. */
export interface MessageHub {
  readonly client: PlatformClient;
  /** Adds a listener for every valid inbound envelope; returns its removal. */
  listen(listener: EnvelopeListener): () => void;
  /** This instance's context, fetched once. */
  self(): Promise<InstanceContext>;
}

/** Envelopes remembered to drop a second delivery of the same message (duplicate registrations upstream, retries). */
const SEEN_LIMIT = 500;

const hubs = new WeakMap<PlatformClient, MessageHub>();

/** The hub of `client`, registering `instance.receive` on first use only, so no message is handled twice. */
export function messageHub(client: PlatformClient): MessageHub {
  const existing = hubs.get(client);
  if (existing !== undefined) return existing;
  const hub = createHub(client);
  hubs.set(client, hub);
  return hub;
}

function createHub(client: PlatformClient): MessageHub {
  const listeners = new Set<EnvelopeListener>();
  const seen = new Set<string>();
  let context: Promise<InstanceContext> | undefined;

  function remember(key: string): boolean {
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > SEEN_LIMIT) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    return true;
  }

  function onReceive(event: ClientEvent): void {
    let data: unknown;
    try {
      data = event.helper.getData();
    } catch (cause) {
      logIgnored('the event has no readable data', cause);
      return;
    }
    const inbound = parseInstanceMessage(data);
    if (!inbound.ok) {
      logIgnored(inbound.reason, data);
      return;
    }
    const { senderId, envelope } = inbound;
    if (!remember(`${senderId}|${envelope.kind}|${envelope.id}`)) {
      logIgnored(`duplicate delivery of ${envelope.kind} ${envelope.id} from instance ${senderId}`);
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener(envelope, senderId);
      } catch (cause) {
        logListenerFailure(envelope.type, cause);
      }
    }
  }

  client.instance.receive(onReceive);

  return {
    client,
    listen(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    self() {
      context ??= client.instance.context().catch((cause: unknown) => {
        context = undefined;
        throw cause;
      });
      return context;
    },
  };
}
