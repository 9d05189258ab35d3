import { createAircallApi } from './aircall-api';
import { basicAuthHeader } from './auth';
import { EMULATOR_AIRCALL_API_ID, EMULATOR_AIRCALL_API_TOKEN } from './credentials';
import { PhoneSystem, type PhoneSystemOptions, type WebhookEnvelope } from './phone-system';

export const AUTH = basicAuthHeader({ apiId: EMULATOR_AIRCALL_API_ID, apiToken: EMULATOR_AIRCALL_API_TOKEN });

export interface AircallErrorBody {
  error: string;
  troubleshoot: string;
}

export interface Meta {
  count: number;
  total: number;
  current_page: number;
  per_page: number;
  next_page_link: string | null;
  previous_page_link: string | null;
}

/** A phone system on emulated time the test moves, with fast retries, and its API called directly. */
export function aircallFixture(options: Partial<PhoneSystemOptions> = {}) {
  let now = Date.parse('2026-11-21T10:00:00Z');
  const system = new PhoneSystem({ nowMs: () => now, delivery: { maxAttempts: 2, retryDelayMs: 0, timeoutMs: 2_000 }, ...options });
  const api = createAircallApi(system);
  return {
    system,
    api,
    call(method: string, path: string, init: { body?: unknown; authorization?: string | null } = {}): Promise<Response> {
      const headers = new Headers();
      const authorization = init.authorization === undefined ? AUTH : init.authorization;
      if (authorization !== null) headers.set('authorization', authorization);
      if (init.body !== undefined) headers.set('content-type', 'application/json');
      const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      return api(new Request(`https://api.aircall.io${path}`, { method, headers, body }));
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

export const envelopeOf = (body: unknown) => body as WebhookEnvelope;
