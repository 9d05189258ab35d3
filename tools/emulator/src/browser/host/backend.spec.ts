import { describe, expect, it, vi } from 'vitest';
import { rejectionOf } from '../../../test/support/fake-windows';
import { createBackend, toRejection } from './backend';

const respond = (body: string, status = 200, type = 'application/json') => vi.fn(() => Promise.resolve(new Response(body, { status, headers: { 'content-type': type } })));

describe('host back end', () => {
  it('resolves the JSON body of a 2xx answer, and posts JSON', async () => {
    const fetchFn = respond(JSON.stringify({ Created: true }));
    await expect(createBackend(fetchFn).post('/_fdk/api/db', { action: 'set' })).resolves.toEqual({ Created: true });
    expect(fetchFn).toHaveBeenCalledWith('/_fdk/api/db', expect.objectContaining({ method: 'POST', body: '{"action":"set"}' }));
    await expect(createBackend(respond('')).get('/x')).resolves.toBeUndefined();
    await expect(createBackend(respond('plain', 200, 'text/plain')).get('/x')).resolves.toBe('plain');
  });

  it('turns a router 404 into the platform rejection shape', async () => {
    const backend = createBackend(respond(JSON.stringify({ message: 'Nothing at /_fdk/api/db' }), 404));
    await expect(backend.post('/_fdk/api/db', {})).rejects.toEqual({ status: 404, message: 'Nothing at /_fdk/api/db' });
  });

  it('keeps the platform error a back end answered, with errorSource and request fields', async () => {
    const error = { status: 400, headers: {}, response: 'This domain has not been whitelisted.', attempts: 1, errorSource: 'APP' };
    await expect(createBackend(respond(JSON.stringify(error), 400)).post('/_fdk/api/request', {})).rejects.toEqual({
      ...error,
      message: 'This domain has not been whitelisted.',
    });
  });

  it('names the failure when the body says nothing useful, or the emulator is gone', async () => {
    await expect(createBackend(respond('', 503)).get('/_fdk/api/iparams')).rejects.toEqual({ status: 503, message: '/_fdk/api/iparams answered HTTP 503' });
    await expect(createBackend(respond('Gateway down', 502, 'text/plain')).get('/x')).rejects.toEqual({ status: 502, message: 'Gateway down' });
    const down = vi.fn(() => Promise.reject(new TypeError('fetch failed')));
    const error = await rejectionOf(createBackend(down).get('/x'));
    expect(error).toMatchObject({ status: 502, errorSource: 'PLATFORM' });
    expect(error.message).toMatch(/fetch failed/);
  });

  it('uses the status in the body over the HTTP status', () => {
    expect(toRejection(500, { status: 404, message: 'Record not found' }, '', '/x')).toEqual({ status: 404, message: 'Record not found' });
    expect(toRejection(500, [1], '[1]', '/x')).toEqual({ status: 500, message: '[1]' });
    expect(toRejection(500, { status: 1.5 }, '{}', '/x')).toEqual({ status: 500, message: '{}' });
  });
});
