import { describe, expect, it } from 'vitest';
import { SlidingWindow } from '../rate-window';
import { dispatch, type OutgoingRequest } from './dispatch';
import { QueueingLimiter } from './limiter';
import { RequestFailure } from './request-error';

const request = (url = 'https://api.example.com/x', extra: Partial<OutgoingRequest> = {}): OutgoingRequest => ({ method: 'GET', url: new URL(url), headers: {}, ...extra });
const once = { maxAttempts: 1, retryDelayMs: 0 };

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestFailure) return error.body;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('dispatch', () => {
  it('sends to the network only with --live, through the fetch it is given', async () => {
    const calls: string[] = [];
    const fetchStub = ((url: URL, init: RequestInit) => {
      calls.push(`${init.method} ${url.toString()} ${init.body as string}`);
      return Promise.resolve(new Response('live answer', { status: 200 }));
    }) as unknown as typeof fetch;
    const live = await dispatch({ virtualHosts: new Map(), live: true, fetch: fetchStub }, request('https://api.example.com/x', { method: 'POST', body: 'b' }), once);
    expect(live).toEqual({ status: 200, headers: { 'content-type': 'text/plain;charset=UTF-8' }, response: 'live answer', attempts: 1 });
    expect(calls).toEqual(['POST https://api.example.com/x b']);
    expect(await failure(dispatch({ virtualHosts: new Map(), live: false }, request(), once))).toMatchObject({ status: 502, errorSource: 'PLATFORM' });
  });

  it('retries network errors and gives up with 502; times out with 504', async () => {
    let attempts = 0;
    const broken = (() => {
      attempts += 1;
      return Promise.reject(new TypeError('fetch failed'));
    }) as unknown as typeof fetch;
    expect(await failure(dispatch({ virtualHosts: new Map(), live: true, fetch: broken }, request(), { maxAttempts: 3, retryDelayMs: 1 }))).toEqual({
      status: 502,
      headers: {},
      response: 'Error in establishing connection: fetch failed',
      attempts: 3,
      errorSource: 'PLATFORM',
    });
    expect(attempts).toBe(3);
    const never = new Map([['api.example.com', () => new Promise<Response>(() => {})]]);
    expect(await failure(dispatch({ virtualHosts: never, live: false }, request(), { ...once, timeoutMs: 30 }))).toMatchObject({
      status: 504,
      response: 'Timeout error while processing the request.',
      errorSource: 'PLATFORM',
    });
  });

  it('answers for a virtual host on host:port too, and a throwing host is a connection error', async () => {
    const hosts = new Map([['localhost:4000', () => Promise.resolve(new Response('ok'))]]);
    expect(await dispatch({ virtualHosts: hosts, live: false }, request('http://localhost:4000/x'), once)).toMatchObject({ response: 'ok' });
    const throwing = new Map([['api.example.com', () => Promise.reject(new Error('boom'))]]);
    expect(await failure(dispatch({ virtualHosts: throwing, live: false }, request(), once))).toMatchObject({ status: 502, response: 'Error in establishing connection: boom' });
  });
});

describe('QueueingLimiter', () => {
  it('starts 50 at once, queues the 51st until the window has room, in order', async () => {
    let now = 0;
    const limiter = new QueueingLimiter(new SlidingWindow(50, 60_000, () => now), () => 5);
    const started: number[] = [];
    const runs = Array.from({ length: 52 }, (_, i) => limiter.run(() => Promise.resolve(started.push(i))));
    await new Promise((done) => setTimeout(done, 30));
    expect(started).toHaveLength(50);
    expect(limiter.waiting).toBe(2);
    now = 60_000;
    limiter.poke();
    await Promise.all(runs);
    expect(started.slice(50)).toEqual([50, 51]);
    limiter.reset();
    expect(limiter.waiting).toBe(0);
  });
});
