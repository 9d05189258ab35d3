import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientRequest, KeyValueStore } from '../../platform/client';
import { createFakePlatform } from '../fake-client';

afterEach(() => {
  vi.useRealTimers();
});

describe('db and request when the test gave none', () => {
  it('reject 501 so a missing fake is obvious', async () => {
    const client = createFakePlatform().client();
    const notConfigured = { status: 501, message: expect.stringContaining('not configured in this fake') as unknown, errorSource: 'PLATFORM' };
    await expect(client.db.get('k')).rejects.toEqual(notConfigured);
    await expect(client.db.set('k', { a: 1 })).rejects.toEqual(notConfigured);
    await expect(client.db.update('k', 'set', { a: 1 })).rejects.toEqual(notConfigured);
    await expect(client.db.delete('k')).rejects.toEqual(notConfigured);
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      await expect(client.request[method]('https://api.aircall.io/v1/calls')).rejects.toEqual(notConfigured);
    }
    await expect(client.request.invokeTemplate('aircallCalls', {})).rejects.toEqual(notConfigured);
  });
});

describe('injected db and request', () => {
  it('are what every client uses', async () => {
    const db: KeyValueStore = {
      set: vi.fn(() => Promise.resolve({ Created: true as const })),
      get: vi.fn(() => Promise.resolve({ a: 1 })),
      update: vi.fn(() => Promise.resolve({ Updated: true as const })),
      delete: vi.fn(() => Promise.resolve({ Deleted: true as const })),
    };
    const ok = { status: 200, headers: {}, response: '{}' };
    const http = {
      get: vi.fn(() => Promise.resolve(ok)),
      post: vi.fn(() => Promise.resolve(ok)),
      put: vi.fn(() => Promise.resolve(ok)),
      patch: vi.fn(() => Promise.resolve(ok)),
      delete: vi.fn(() => Promise.resolve(ok)),
    };
    const request: ClientRequest = {
      ...http,
      invokeTemplate: vi.fn(() => Promise.resolve(ok)),
      invoke: vi.fn(() => Promise.resolve({ requestID: 'from-injected', response: 'x' })),
    };
    const platform = createFakePlatform({ db, request });
    const client = platform.client();
    await expect(client.db.get('k')).resolves.toEqual({ a: 1 });
    expect(platform.client().db).toBe(db);
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      await expect(client.request[method]('https://x.test', { headers: {} })).resolves.toBe(ok);
      expect(http[method]).toHaveBeenCalledWith('https://x.test', { headers: {} });
    }
    await expect(client.request.invokeTemplate('t', { context: { id: 1 } })).resolves.toBe(ok);
    await expect(client.request.invoke('notRegistered', {})).resolves.toEqual({ requestID: 'from-injected', response: 'x' });

    platform.onInvoke('findByPhone', () => 'from handler');
    await expect(client.request.invoke('findByPhone', {})).resolves.toMatchObject({ response: 'from handler' });
  });
});

describe('request.invoke (SMI)', () => {
  it('runs the registered handler with the payload and every iparam, resolving {requestID, response}', async () => {
    const platform = createFakePlatform();
    platform.install({ iparams: { aircall_token: 's3cret', auto_create: true }, secure: ['aircall_token'] });
    const handler = vi.fn((payload: { phone?: unknown }) => ({ matches: [{ id: 1, phone: payload.phone }] }));
    platform.onInvoke('findByPhone', handler);
    const result = await platform.client().request.invoke('findByPhone', { phone: '+14155550123' });
    expect(result).toEqual({ requestID: expect.stringMatching(/^fake-smi-\d+$/) as unknown, response: { matches: [{ id: 1, phone: '+14155550123' }] } });
    expect(handler).toHaveBeenCalledWith({ phone: '+14155550123' }, { iparams: { aircall_token: 's3cret', auto_create: true }, product: 'freshworks_crm' });
    platform.onInvoke('logCall', () => undefined);
    await expect(platform.client().request.invoke('logCall', {})).resolves.toMatchObject({ response: undefined });
  });

  it('rejects as renderData(error) would', async () => {
    const platform = createFakePlatform();
    const client = platform.client();
    // server.js hands renderData plain objects and strings, not Errors.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    platform.onInvoke('statusError', () => Promise.reject({ status: 422, message: 'Phone number is invalid' }));
    platform.onInvoke('messageOnly', () => {
      throw new Error('boom');
    });
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    platform.onInvoke('stringError', () => Promise.reject('nope'));
    await expect(client.request.invoke('statusError', {})).rejects.toEqual({ status: 422, message: 'Phone number is invalid', errorSource: 'APP' });
    await expect(client.request.invoke('messageOnly', {})).rejects.toEqual({ status: 500, message: 'boom', errorSource: 'APP' });
    await expect(client.request.invoke('stringError', {})).rejects.toEqual({
      status: 400,
      message: 'The error should be a JSON Object with a message or a status parameter.',
      errorSource: 'APP',
    });
  });

  it('refuses unknown functions, bad payloads and bad names', async () => {
    const platform = createFakePlatform();
    const client = platform.client();
    await expect(client.request.invoke('missing', {})).rejects.toMatchObject({ status: 404, message: expect.stringContaining('platform.onInvoke("missing"') as unknown });
    platform.onInvoke('findByPhone', () => null);
    await expect(client.request.invoke('findByPhone', [] as never)).rejects.toMatchObject({ status: 400 });
    await expect(client.request.invoke('findByPhone', { blob: 'x'.repeat(100 * 1024) })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('the platform allows 102400') as unknown,
    });
    expect(() => platform.onInvoke('1bad', () => null)).toThrow(/not a valid SMI function name/);
    expect(() => platform.onInvoke('x', () => null)).toThrow(/not a valid SMI function name/);
  });

  it('times out like the platform (fake timers)', async () => {
    vi.useFakeTimers();
    const platform = createFakePlatform({ serverMethodTimeoutMs: 20_000 });
    platform.onInvoke('slow', () => new Promise(() => undefined));
    const invoking = platform.client().request.invoke('slow', {});
    const outcome = expect(invoking).rejects.toEqual({ status: 504, message: 'Timeout error while processing the request.', errorSource: 'PLATFORM' });
    await vi.advanceTimersByTimeAsync(20_000);
    await outcome;
  });
});
