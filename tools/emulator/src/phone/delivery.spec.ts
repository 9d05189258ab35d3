import { afterEach, describe, expect, it } from 'vitest';
import { postEvent } from './delivery';
import { startReceiver } from './testing/receiver';

const policy = { maxAttempts: 3, retryDelayMs: 0, timeoutMs: 2_000 };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('postEvent', () => {
  it('POSTs JSON once when the receiver answers 2xx', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const outcome = await postEvent(`${receiver.url}/hook`, '{"event":"call.created"}', policy, new AbortController().signal);
    expect(outcome).toEqual({ ok: true, status: 200, attempts: 1, error: null });
    expect(receiver.received[0]).toMatchObject({ path: '/hook', body: { event: 'call.created' }, headers: { 'content-type': 'application/json' } });
  });

  it('retries a failing receiver up to maxAttempts', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    receiver.answerWith(503);
    const outcome = await postEvent(receiver.url, '{}', policy, new AbortController().signal);
    expect(outcome).toEqual({ ok: false, status: 503, attempts: 3, error: 'HTTP 503' });
    expect(receiver.received).toHaveLength(3);
  });

  it('reports network errors, and stops when aborted', async () => {
    const refused = await postEvent('http://127.0.0.1:9/hook', '{}', { ...policy, maxAttempts: 1 }, new AbortController().signal);
    expect(refused).toMatchObject({ ok: false, status: null, attempts: 1 });
    expect(refused.error).toBeTruthy();
    const controller = new AbortController();
    controller.abort();
    expect(await postEvent('http://127.0.0.1:9/hook', '{}', policy, controller.signal)).toEqual({ ok: false, status: null, attempts: 0, error: null });
  });

  it('waits between attempts, and an abort cuts the wait short', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    receiver.answerWith(500);
    const controller = new AbortController();
    const started = Date.now();
    const pending = postEvent(receiver.url, '{}', { ...policy, retryDelayMs: 5_000 }, controller.signal);
    setTimeout(() => controller.abort(), 100);
    const outcome = await pending;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcome.attempts).toBe(1);
  });
});
