import type { JsonObject } from '@callbridge/core';
import { createFakePlatform } from '@callbridge/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, hostOf, serverError } from '../testing';
import { MAX_POLL_DELAY_MS, pollCurrentCall, pollDelay } from './live-call-poller';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pollDelay', () => {
  it('waits the interval, doubled for each failure in a row, up to a minute', () => {
    expect([0, 1, 2, 3, 10].map((failures) => pollDelay(2_000, failures))).toEqual([2_000, 4_000, 8_000, 16_000, MAX_POLL_DELAY_MS]);
  });
});

describe('pollCurrentCall', () => {
  async function setUp(answer: (payload: JsonObject) => unknown) {
    const platform = createFakePlatform({ product: 'freshsales' });
    platform.install({ iparams: {} });
    const asked: JsonObject[] = [];
    platform.onInvoke('currentCall', (payload) => {
      asked.push(payload);
      return answer(payload);
    });
    const { host } = await hostOf(platform, { location: 'left_nav_cti' });
    const calls: unknown[] = [];
    const failures: number[] = [];
    const poller = pollCurrentCall({ host, intervalMs: 2_000, onCall: (call) => calls.push(call), onFailure: (_error, n) => failures.push(n) });
    return { asked, calls, failures, poller };
  }

  it('never asks again before the answer came', async () => {
    const slow = deferred<{ call: null }>();
    const { asked, calls, poller } = await setUp(() => slow.promise);
    // Within the platform's own timeout for the method (which fails the question, and then it is asked again).
    await vi.advanceTimersByTimeAsync(4_000);
    expect(asked).toHaveLength(1);
    slow.resolve({ call: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([null]);
    poller.stop();
  });

  it('keeps the call to hold until a poll carried it', async () => {
    let fail = true;
    const { asked, failures, poller } = await setUp(() => {
      if (fail) throw serverError(503);
      return { call: null };
    });
    poller.hold('812');
    await vi.advanceTimersByTimeAsync(0);
    fail = false;
    await vi.advanceTimersByTimeAsync(4_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(failures).toEqual([1]);
    expect(asked).toEqual([{ handling: '812' }, { handling: '812' }, {}]);
    poller.stop();
  });

  it('reports nothing once stopped, even for a question already asked', async () => {
    const slow = deferred<{ call: null }>();
    const { asked, calls, failures, poller } = await setUp(() => slow.promise);
    await vi.advanceTimersByTimeAsync(0);
    poller.stop();
    slow.reject(serverError(500));
    await vi.advanceTimersByTimeAsync(10_000);
    expect([asked.length, calls, failures]).toEqual([1, [], []]);
  });

  it('carries a call to hold with the next poll, once', async () => {
    const { asked, calls, poller } = await setUp(() => ({ call: null }));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([null]);
    poller.hold('812');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toEqual([{}, { handling: '812' }]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toEqual([{}, { handling: '812' }, {}]);
    poller.stop();
  });
});
