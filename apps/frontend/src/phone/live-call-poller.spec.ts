import type { JsonObject } from '@callbridge/core';
import { createFakePlatform } from '@callbridge/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, hostOf, serverError } from '../testing';
import { MAX_POLL_DELAY_MS, pollCurrentCall, pollDelay } from './live-call-poller';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pollDelay', () => {
  it('waits the pace, doubled for each failure in a row, up to a minute', () => {
    expect([0, 1, 2, 3, 4, 10].map((failures) => pollDelay(5_000, failures))).toEqual([5_000, 10_000, 20_000, 40_000, MAX_POLL_DELAY_MS, MAX_POLL_DELAY_MS]);
    expect([0, 1, 2].map((failures) => pollDelay(30_000, failures))).toEqual([30_000, MAX_POLL_DELAY_MS, MAX_POLL_DELAY_MS]);
  });
});

describe('pollCurrentCall', () => {
  async function setUp(answer: (payload: JsonObject) => unknown, shown = true) {
    const platform = createFakePlatform({ product: 'freshsales' });
    platform.install({ iparams: {} });
    const asked: { at: number; payload: JsonObject }[] = [];
    const start = Date.now();
    platform.onInvoke('currentCall', (payload) => {
      asked.push({ at: Date.now() - start, payload });
      return answer(payload);
    });
    const { host } = await hostOf(platform, { location: 'left_nav_cti' });
    const calls: unknown[] = [];
    const failures: number[] = [];
    const poller = pollCurrentCall({ host, intervalMs: 5_000, hiddenIntervalMs: 30_000, shown, onCall: (call) => calls.push(call), onFailure: (_error, n) => failures.push(n) });
    /** When each question went out, in ms from the start. */
    const times = () => asked.map(({ at }) => at);
    return { asked, times, calls, failures, poller };
  }

  it('asks at once, then every 5 s while the phone app is shown', async () => {
    const { times, calls, poller } = await setUp(() => ({ call: null }));
    await vi.advanceTimersByTimeAsync(15_000);
    expect(times()).toEqual([0, 5_000, 10_000, 15_000]);
    expect(calls).toEqual([null, null, null, null]);
    poller.stop();
  });

  it('asks every 30 s while it is hidden, and at the shown pace again, counted from the last answer, once shown', async () => {
    const { times, poller } = await setUp(() => ({ call: null }), false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times()).toEqual([0, 30_000, 60_000]);
    await vi.advanceTimersByTimeAsync(2_000);
    poller.setShown(true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(times()).toEqual([0, 30_000, 60_000, 65_000]);
    // Shown for a while after the last answer: the next question goes out at once.
    poller.setShown(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(times()).toHaveLength(4);
    poller.setShown(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(times()).toEqual([0, 30_000, 60_000, 65_000, 85_000]);
    poller.setShown(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(times()).toEqual([0, 30_000, 60_000, 65_000, 85_000, 90_000]);
    poller.stop();
  });

  it('backs off while the server refuses (429), doubling up to a minute, and returns to the pace after an answer', async () => {
    let refuse = true;
    const { times, failures, calls, poller } = await setUp(() => {
      if (refuse) throw serverError(429);
      return { call: null };
    });
    await vi.advanceTimersByTimeAsync(0 + 10_000 + 20_000 + 40_000 + 60_000 + 60_000);
    expect(times()).toEqual([0, 10_000, 30_000, 70_000, 130_000, 190_000]);
    expect(failures).toEqual([1, 2, 3, 4, 5, 6]);
    refuse = false;
    await vi.advanceTimersByTimeAsync(60_000 + 5_000 + 5_000);
    expect(times().slice(6)).toEqual([250_000, 255_000, 260_000]);
    expect(calls).toEqual([null, null, null]);
    poller.stop();
  });

  it('backs off from the hidden pace too', async () => {
    const { times, poller } = await setUp(() => {
      throw serverError(503);
    }, false);
    await vi.advanceTimersByTimeAsync(180_000);
    expect(times()).toEqual([0, 60_000, 120_000, 180_000]);
    poller.stop();
  });

  it('never asks again before the answer came, even when shown meanwhile', async () => {
    const slow = deferred<{ call: null }>();
    const { asked, calls, poller } = await setUp(() => slow.promise, false);
    // Within the platform's own timeout for the method (which fails the question, and then it is asked again).
    await vi.advanceTimersByTimeAsync(4_000);
    poller.setShown(true);
    await vi.advanceTimersByTimeAsync(0);
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
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(failures).toEqual([1]);
    expect(asked.map(({ payload }) => payload)).toEqual([{ handling: '812' }, { handling: '812' }, {}]);
    poller.stop();
  });

  it('reports nothing once stopped, even for a question already asked', async () => {
    const slow = deferred<{ call: null }>();
    const { asked, calls, failures, poller } = await setUp(() => slow.promise);
    await vi.advanceTimersByTimeAsync(0);
    poller.stop();
    slow.reject(serverError(500));
    await vi.advanceTimersByTimeAsync(60_000);
    poller.setShown(false);
    expect([asked.length, calls, failures]).toEqual([1, [], []]);
  });

  it('carries a call to hold with the next poll, once', async () => {
    const { asked, calls, poller } = await setUp(() => ({ call: null }));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([null]);
    poller.hold('812');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked.map(({ payload }) => payload)).toEqual([{}, { handling: '812' }]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked.map(({ payload }) => payload)).toEqual([{}, { handling: '812' }, {}]);
    poller.stop();
  });
});
