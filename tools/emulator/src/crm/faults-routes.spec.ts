import type { ProductName } from '@callbridge/core';
import { describe, expect, it } from 'vitest';
import { Router } from '../http/router';
import { createCrmApi, type CrmApi } from './api/crm-api';
import { registerCrmFaults } from './faults-routes';
import { CrmStore } from './store';

function setup() {
  const store = new CrmStore();
  const apis = new Map<ProductName, CrmApi>((['freshworks_crm', 'freshsales'] as const).map((product) => [product, createCrmApi({ store, product })]));
  const router = new Router();
  registerCrmFaults(router, apis);
  const send = async (method: string, body?: unknown) => {
    const response = await router.handle(
      new Request('http://localhost/_emulator/crm/faults', { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const contact = (product: ProductName, key: string) =>
    apis.get(product)!.handle(new Request(`${store.account(product).apiBase}/contacts/101`, { headers: { authorization: `Token token=${key}` } }));
  return { send, contact };
}

describe('/_emulator/crm/faults', () => {
  it('sets a fault on one product, shows it, and clears it', async () => {
    const { send, contact } = setup();
    expect(await send('GET')).toEqual({ status: 200, body: { freshworks_crm: null, freshsales: null } });
    const set = await send('POST', { product: 'freshsales', status: 503, count: 3 });
    expect(set).toMatchObject({ status: 200, body: { freshworks_crm: null, freshsales: { status: 503, remaining: 3, served: 0 } } });
    expect((await contact('freshsales', 'fake-classic-key')).status).toBe(503);
    expect((await contact('freshworks_crm', 'fake-crm-key')).status).toBe(200);
    expect((await send('GET')).body.freshsales).toMatchObject({ remaining: 2, served: 1 });
    expect(await send('DELETE', { product: 'freshsales' })).toEqual({ status: 200, body: { freshworks_crm: null, freshsales: null } });
    expect((await contact('freshsales', 'fake-classic-key')).status).toBe(200);
  });

  it('clears every product without a body', async () => {
    const { send } = setup();
    await send('POST', { product: 'freshsales', status: 500 });
    await send('POST', { product: 'freshworks_crm', status: 429, retryAfterSeconds: 60 });
    expect(await send('DELETE')).toEqual({ status: 200, body: { freshworks_crm: null, freshsales: null } });
  });

  it('refuses a malformed request, naming the field', async () => {
    const { send } = setup();
    expect(await send('POST', { product: 'zendesk', status: 503 })).toMatchObject({ status: 400, body: { field: 'product' } });
    expect(await send('POST', { product: 'freshsales', status: 200 })).toMatchObject({ status: 400, body: { field: 'status', message: 'status: must be 400-599' } });
    expect(await send('POST', { product: 'freshsales', status: 503, count: 0 })).toMatchObject({ status: 400, body: { field: 'count' } });
    expect(await send('DELETE', { product: 'nope' })).toMatchObject({ status: 400, body: { field: 'product' } });
    expect((await send('POST', '{not json')).status).toBe(400);
    expect((await send('GET')).body).toEqual({ freshworks_crm: null, freshsales: null });
  });
});
