import type { PlatformHandler, ProductName } from '@callbridge/core';
import { createFakeRequestApi, createFakeServerGlobals, type FakeServerGlobals, type RecordedAnswer } from '@callbridge/core/testing';
import { createCrmMock, type CrmMock } from '@callbridge/crm-connector/testing';
import { aircallCall, aircallCallEvents, aircallEvent, createAircallMock, type AircallCallJson, type AircallMock } from '@callbridge/phone-provider/testing';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';

export const TARGET_URL = 'https://platform.test/webhooks/acme';
export const WEBHOOK_TOKEN = 'wh-token';
export const START = Date.parse('2026-11-23T10:00:00Z');

export interface HarnessOptions {
  product?: ProductName;
  iparams?: Record<string, unknown>;
}

export interface Harness {
  readonly fake: FakeServerGlobals;
  readonly crm: CrmMock;
  readonly aircall: AircallMock;
  readonly iparams: Record<string, unknown>;
  /** Epoch milliseconds of the fake clock. */
  now(): number;
  advance(seconds: number): void;
  /** Runs a handler with an event envelope and returns the answers it gave. */
  run(handler: PlatformHandler, event: Parameters<FakeServerGlobals['payload']>[0], data?: unknown, overrides?: Record<string, unknown>): Promise<RecordedAnswer[]>;
  /** Runs a server method with the input the front end sends, as the platform wraps it. */
  invoke(handler: PlatformHandler, input: Record<string, unknown>): Promise<RecordedAnswer[]>;
  /** A finished call that started `secondsAgo` before now. */
  call(overrides?: Partial<AircallCallJson>, secondsAgo?: number): AircallCallJson;
  /** The call's webhook deliveries, in Aircall's order. */
  deliveries(call: AircallCallJson, token?: string): Record<string, unknown>[];
  ended(call: AircallCallJson, token?: string): Record<string, unknown>;
  /** Installs the app (registers the webhook and the schedule), then lets 15 minutes pass, so calls come after it. */
  install(): Promise<RecordedAnswer>;
  /** Puts the globals back. */
  dispose(): void;
}

/**
 * The serverless sandbox for handler tests: the platform's globals faked by core's fakes (installed on globalThis,
 * as the sandbox has them), HTTP answered by in-memory CRM and Aircall mocks through msw.
 */
export function createHarness(server: Pick<SetupServer, 'use'>, options: HarnessOptions = {}): Harness {
  const product = options.product ?? 'freshworks_crm';
  // Handlers log every refusal and retry; the tests assert on answers and $db instead.
  for (const level of ['info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation(() => undefined);
  const crm = createCrmMock({ product, apiKey: 'crm-key' });
  const aircall = createAircallMock({ webhookToken: WEBHOOK_TOKEN });
  server.use(...crm.handlers, ...aircall.handlers);
  // Only Date is faked: handlers read the time from Date.now, the fakes from the same clock; timers stay real for msw.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  const clock = () => Date.now();
  const iparams = {
    phone_api_id: 'aircall-id',
    phone_api_token: 'aircall-token',
    crm_domain: crm.domain,
    crm_api_key: 'crm-key',
    auto_create_contacts: true,
    placeholder_type_crm: 'contact',
    placeholder_type_classic: 'contact',
    placeholder_name: 'Unknown caller',
    attach_to_open_deal: true,
    ...options.iparams,
  };
  const request = createFakeRequestApi({ iparams, platformVersion: '2.1', timeoutMs: 50, sleep: () => Promise.resolve() });
  const fake = createFakeServerGlobals({ iparams, request, product, now: clock, targetUrl: TARGET_URL });
  const uninstall = fake.install();

  const answersOf = async (work: () => Promise<void>): Promise<RecordedAnswer[]> => {
    const before = fake.answers.length;
    await work();
    return fake.answers.slice(before);
  };

  const harness: Harness = {
    fake,
    crm,
    aircall,
    iparams,
    now: clock,
    advance(seconds) {
      vi.setSystemTime(clock() + seconds * 1000);
    },
    run: (handler, event, data, overrides) => answersOf(() => handler(fake.payload(event, data, overrides))),
    invoke(handler, input) {
      const { event: _event, ...envelope } = fake.payload('onAppInstall');
      return answersOf(() => handler({ ...envelope, ...input }));
    },
    call(overrides = {}, secondsAgo = 600) {
      const started = Math.floor(clock() / 1000) - secondsAgo;
      return aircall.addCall({ started_at: started, answered_at: started + 5, ended_at: started + 190, ...overrides });
    },
    deliveries: (call, token = WEBHOOK_TOKEN) => aircallCallEvents(call, token),
    ended: (call, token = WEBHOOK_TOKEN) => aircallEvent('call.ended', call, token),
    async install() {
      const { onAppInstall } = await import('../handlers/on-app-install');
      const [answer] = await harness.run(onAppInstall, 'onAppInstall');
      if (!answer || answer.error) throw new Error(`install failed: ${JSON.stringify(answer)}`);
      harness.advance(900);
      return answer;
    },
    dispose() {
      made.get(server)?.delete(harness);
      uninstall();
      vi.useRealTimers();
    },
  };
  made.get(server)?.add(harness);
  return harness;
}

const made = new WeakMap<object, Set<Harness>>();

/**
 * The msw server of one spec file: listening while its tests run (unhandled requests fail them), with its handlers
 * reset and every harness made on it disposed after each test.
 */
export function setupHarnessServer(): SetupServer {
  const server = setupServer();
  const harnesses = new Set<Harness>();
  made.set(server, harnesses);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  afterEach(() => {
    for (const harness of harnesses) harness.dispose();
    harnesses.clear();
    server.resetHandlers();
  });
  return server;
}

export { aircallCall };
