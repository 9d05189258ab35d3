import { describe, expect, it } from 'vitest';
import { html, json, readJson, Router } from './router';

const req = (method: string, path: string, body?: string) => new Request(`http://localhost${path}`, { method, ...(body === undefined ? {} : { body }) });

describe('Router', () => {
  const router = new Router()
    .get('/crm/:product/contacts/:id', (_r, p) => json(p))
    .post('/items', () => json({ created: true }, 201))
    .put('/items/:id', (_r, p) => json({ put: p.id }))
    .patch('/items/:id', (_r, p) => json({ patch: p.id }))
    .delete('/items/:id', () => new Response(null, { status: 204 }))
    .get('/_app/:product/*path', (_r, p) => json(p));

  it('matches named parameters, decoded', async () => {
    const res = await router.handle(req('GET', '/crm/freshsales/contacts/a%20b'));
    expect(await res.json()).toEqual({ product: 'freshsales', id: 'a b' });
  });

  it('takes the rest of the path for a star parameter', async () => {
    const res = await router.handle(req('GET', '/_app/freshsales/styles/a.css'));
    expect(await res.json()).toEqual({ product: 'freshsales', path: 'styles/a.css' });
  });

  it('dispatches by method, answers HEAD as GET, 405 for a known path and 404 otherwise', async () => {
    expect((await router.handle(req('POST', '/items'))).status).toBe(201);
    expect(await (await router.handle(req('PUT', '/items/3'))).json()).toEqual({ put: '3' });
    expect(await (await router.handle(req('PATCH', '/items/3'))).json()).toEqual({ patch: '3' });
    expect((await router.handle(req('DELETE', '/items/3'))).status).toBe(204);
    expect((await router.handle(req('HEAD', '/crm/x/contacts/1'))).status).toBe(200);
    const notAllowed = await router.handle(req('GET', '/items'));
    expect(notAllowed.status).toBe(405);
    expect(await notAllowed.json()).toEqual({ message: 'GET is not allowed on /items' });
    expect((await router.handle(req('GET', '/nope'))).status).toBe(404);
  });

  it('reads JSON bodies and names a malformed one', async () => {
    expect(await readJson(req('POST', '/x', '{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
    expect(await readJson(req('POST', '/x', ''))).toEqual({ ok: true, value: undefined });
    const bad = await readJson(req('POST', '/x', '{nope'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.response.status).toBe(400);
      expect(((await bad.response.json()) as { message: string }).message).toMatch(/^body: not valid JSON/);
    }
  });

  it('labels HTML and JSON answers', () => {
    expect(html('<p>').headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(json({}, 200, { 'x-a': '1' }).headers.get('x-a')).toBe('1');
  });
});
