import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeRequestApi } from '../testing/fake-request';
import { defineRequestTemplate } from './define-request-template';
import { createRateLimiter } from './rate-limiter';
import { createRequester } from './requester';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const listCalls = defineRequestTemplate({
  name: 'aircallListCalls',
  schema: { method: 'GET', host: 'api.aircall.io', path: '/v1/calls', query: { from: '<%= context.from %>' } },
});
const templates = [listCalls];

/** Answers every request through msw and records when (in fake time) each arrived. */
function answer(): number[] {
  const t0 = Date.now();
  const seenAt: number[] = [];
  server.use(http.all('*', () => (seenAt.push(Date.now() - t0), HttpResponse.json({ calls: [] }))));
  return seenAt;
}

/** Lets real I/O (msw answering) run without moving fake time, which vi.waitFor would. */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('rate limit', () => {
  it('queues a burst of 200 calls into 4 windows, all resolving in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const seenAt = answer();
      const api = createFakeRequestApi({ iparams: {}, templates });
      const requester = createRequester({ api, platformVersion: '2.3', templates, limiter: createRateLimiter() });
      const order: number[] = [];
      const all = Array.from({ length: 200 }, (_, i) => requester.call('aircallListCalls', { context: { from: i } }).then(() => order.push(i)));

      for (let window = 0; window < 4; window += 1) {
        await settle(() => seenAt.length === 50 * (window + 1));
        expect(seenAt).toHaveLength(50 * (window + 1));
        await vi.advanceTimersByTimeAsync(60_000);
      }
      await Promise.all(all);

      expect(order).toEqual(Array.from({ length: 200 }, (_, i) => i));
      expect(new Set(seenAt)).toEqual(new Set([0, 60_000, 120_000, 180_000]));
      for (const at of seenAt) expect(seenAt.filter((t) => t >= at && t < at + 60_000).length).toBeLessThanOrEqual(50);
    } finally {
      vi.useRealTimers();
    }
  });

  it('queues by default where timers exist, and sends at once where they do not (the serverless sandbox)', async () => {
    answer();
    const api = createFakeRequestApi({ iparams: {} });
    vi.stubGlobal('setTimeout', undefined);
    const sandboxed = createRequester({ api, platformVersion: '2.1', templates });
    vi.unstubAllGlobals();
    const calls = Array.from({ length: 60 }, () => sandboxed.call('aircallListCalls', { context: { from: 0 } }));
    await expect(Promise.all(calls)).resolves.toHaveLength(60);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const seen = answer();
      const queued = createRequester({ api, platformVersion: '2.1', templates });
      const pending = Array.from({ length: 51 }, () => queued.call('aircallListCalls', { context: { from: 0 } }));
      await settle(() => seen.length === 50);
      await vi.advanceTimersByTimeAsync(1000);
      expect(seen).toHaveLength(50);
      await vi.advanceTimersByTimeAsync(59_000);
      await Promise.all(pending);
      expect(seen).toHaveLength(51);
    } finally {
      vi.useRealTimers();
    }
  });
});
