import { afterEach, describe, expect, it, vi } from 'vitest';
import { listen } from './node-server';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(handler: (request: Request) => Promise<Response>) {
  const { server, url } = await listen(handler, 0);
  close = () => new Promise((done) => server.close(() => done()));
  return url;
}

describe('listen', () => {
  it('serves a fetch handler over real HTTP, body and headers included', async () => {
    const url = await serve(async (request) =>
      new Response(JSON.stringify({ method: request.method, path: new URL(request.url).pathname, body: await request.text(), h: request.headers.get('x-test') }), {
        status: 201,
        headers: { 'x-answer': 'yes' },
      }),
    );
    const res = await fetch(`${url}/a/b?c=1`, { method: 'POST', body: 'hello', headers: { 'x-test': 't' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-answer')).toBe('yes');
    expect(await res.json()).toEqual({ method: 'POST', path: '/a/b', body: 'hello', h: 't' });
  });

  it('answers 500 and stays up when a handler throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const url = await serve(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(new Response(null, { status: 204 }));
    });
    const first = await fetch(url);
    expect(first.status).toBe(500);
    expect(((await first.json()) as { message: string }).message).toContain('failed to answer');
    expect((await fetch(url)).status).toBe(204);
    expect(error).toHaveBeenCalled();
  });

  it('refuses a port already in use', async () => {
    const { server } = await listen(() => Promise.resolve(new Response('')), 0);
    const port = (server.address() as { port: number }).port;
    await expect(listen(() => Promise.resolve(new Response('')), port)).rejects.toThrow(/EADDRINUSE/);
    await new Promise((done) => server.close(done));
  });
});
