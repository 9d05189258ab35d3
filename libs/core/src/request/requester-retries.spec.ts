import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeRequestApi } from '../testing/fake-request';
import { defineRequestTemplate } from './define-request-template';
import { createRequester, type RequestPlatformVersion } from './requester';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Version = RequestPlatformVersion;

/** Answers every request through msw and counts what arrives. */
function answer(respond: (attempt: number) => Response): unknown[] {
  const seen: unknown[] = [];
  server.use(http.all('*', ({ request }) => (seen.push(request.url), respond(seen.length))));
  return seen;
}

describe('retries', () => {
  const flaky = (maxAttempts: number | undefined, retryDelay = 1500) =>
    defineRequestTemplate({
      name: 'flaky',
      schema: { method: 'POST', host: 'api.example.com', path: '/flaky' },
      options: { ...(maxAttempts !== undefined && { maxAttempts }), retryDelay },
    });

  // The fake plays the platform; the recorded pauses stand in for time, so no test waits.
  function setup(version: Version, maxAttempts: number | undefined, retryDelay?: number) {
    const pauses: number[] = [];
    const template = flaky(maxAttempts, retryDelay);
    const api = createFakeRequestApi({
      iparams: {},
      platformVersion: version,
      ...(version === '2.3' && { templates: [template] }),
      sleep: (ms) => (pauses.push(ms), Promise.resolve()),
    });
    return { requester: createRequester({ api, platformVersion: version, templates: [template], limiter: false }), pauses };
  }

  describe.each<Version>(['2.1', '2.3'])('on %s', (version) => {
    it.each([429, 500, 502, 503, 504])('retries %s up to maxAttempts, at most 1500 ms apart', async (status) => {
      const seen = answer(() => new HttpResponse('busy', { status }));
      const { requester, pauses } = setup(version, 5);
      const failure = requester.call('flaky');
      await expect(failure).rejects.toMatchObject({ status, attempts: 5 });
      expect(seen).toHaveLength(5);
      expect(pauses).toHaveLength(4);
      for (const pause of pauses) expect(pause).toBeLessThanOrEqual(1500);
    });

    it.each([400, 401, 403, 404, 422])('never retries %s', async (status) => {
      const seen = answer(() => new HttpResponse('no', { status }));
      const { requester, pauses } = setup(version, 5);
      await expect(requester.call('flaky')).rejects.toMatchObject({ status, attempts: 1, errorSource: 'APP' });
      expect(seen).toHaveLength(1);
      expect(pauses).toEqual([]);
    });

    it('retries network errors', async () => {
      const seen = answer(() => HttpResponse.error());
      const { requester } = setup(version, 4);
      await expect(requester.call('flaky')).rejects.toMatchObject({ status: 502, errorSource: 'PLATFORM', attempts: 4 });
      expect(seen).toHaveLength(4);
    });

    it('resolves once an attempt succeeds, and reports the attempts', async () => {
      const seen = answer((n) => (n < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.text('done')));
      const { requester, pauses } = setup(version, 5, 250);
      await expect(requester.callWithResponse('flaky')).resolves.toMatchObject({ data: 'done', attempts: 3 });
      expect(seen).toHaveLength(3);
      expect(pauses).toEqual([250, 250]);
    });

    it('honours Retry-After, capped at 1500 ms', async () => {
      const afters = ['1', '30', new Date(Date.now() + 600_000).toUTCString(), 'garbage'];
      answer((n) => new HttpResponse(null, { status: 429, headers: { 'Retry-After': afters[n - 1] ?? '0' } }));
      const { requester, pauses } = setup(version, 5, 100);
      await expect(requester.call('flaky')).rejects.toMatchObject({ status: 429, attempts: 5 });
      expect(pauses).toEqual([1000, 1500, 1500, 100]);
    });

    it('sends once when the template does not ask for retries, and never multiplies attempts', async () => {
      const once = answer(() => new HttpResponse(null, { status: 500 }));
      await expect(setup(version, undefined).requester.call('flaky')).rejects.toMatchObject({ attempts: 1 });
      expect(once).toHaveLength(1);
      const twice = answer(() => new HttpResponse(null, { status: 500 }));
      await expect(setup(version, 2).requester.call('flaky')).rejects.toMatchObject({ attempts: 2 });
      expect(twice).toHaveLength(2);
    });
  });
});

