import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServerlessFixture, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

let harness: ServerlessHarness;
let remove: () => Promise<void>;

beforeEach(async () => {
  const fixture = await copyServerlessFixture('serverless-omni');
  remove = fixture.remove;
  harness = await startServerless({ appDir: fixture.dir });
});
afterEach(async () => {
  await harness.close();
  await remove();
});

const db = (body: Record<string, unknown>) => harness.post('/_fdk/api/db', { product: 'freshworks_crm', ...body });

describe('POST /_fdk/api/db', () => {
  it('sets, gets, updates and deletes with the platform answers and errors', async () => {
    expect(await db({ action: 'set', key: 'call:1', value: { note: '', n: 1, tags: ['a'] } })).toEqual({ status: 200, body: { Created: true } });
    expect(await db({ action: 'get', key: 'call:1' })).toEqual({ status: 200, body: { note: null, n: 1, tags: ['a'] } });
    expect(await db({ action: 'update', key: 'call:1', value: 'increment', attributes: { n: 4 } })).toEqual({ status: 200, body: { Updated: true } });
    expect(await db({ action: 'update', key: 'call:1', type: 'append', attributes: { tags: ['b'] } })).toEqual({ status: 200, body: { Updated: true } });
    expect(await db({ action: 'update', key: 'call:1', value: 'remove', attributes: ['note'] })).toEqual({ status: 200, body: { Updated: true } });
    expect((await db({ action: 'get', key: 'call:1' })).body).toEqual({ n: 5, tags: ['a', 'b'] });
    expect(await db({ action: 'set', key: 'call:1', value: { n: 0 }, options: { setIf: 'not_exist' } })).toEqual({
      status: 400,
      body: { status: 400, message: 'The setIf conditional request failed' },
    });
    expect(await db({ action: 'delete', key: 'call:1' })).toEqual({ status: 200, body: { Deleted: true } });
    expect(await db({ action: 'get', key: 'call:1' })).toEqual({ status: 404, body: { status: 404, message: 'Record not found' } });
    expect(await db({ action: 'set', key: 'x'.repeat(31), value: { a: 1 } })).toMatchObject({ status: 400, body: { message: 'Key length exceeded the maximum limit of 30 characters' } });
    expect(await db({ action: 'set', key: 'empty', value: {} })).toMatchObject({ status: 400, body: { message: 'Value must be a non-empty JSON object' } });
    expect(await db({ action: 'set', key: 'big', value: { blob: 'x'.repeat(8 * 1024) } })).toMatchObject({ status: 400, body: { message: 'Item size exceeded the maximum limit of 8 KB' } });
  });

  it('keeps each product apart and forgets keys when their TTL passes on the emulated clock', async () => {
    await db({ action: 'set', key: 'session', value: { id: 1 }, options: { ttl: 60 } });
    expect((await harness.post('/_fdk/api/db', { product: 'freshsales', action: 'get', key: 'session' })).status).toBe(404);
    expect((await db({ action: 'get', key: 'session' })).status).toBe(200);
    await harness.post('/_emulator/clock/advance', { ms: 61_000 });
    expect((await db({ action: 'get', key: 'session' })).status).toBe(404);
  });

  it('allows 50 calls a minute per product, then answers 429 until the minute has passed', async () => {
    for (let i = 0; i < 50; i += 1) await db({ action: 'set', key: `k${i}`, value: { i } });
    expect(await db({ action: 'get', key: 'k1' })).toMatchObject({ status: 429, body: { status: 429 } });
    expect((await harness.post('/_fdk/api/db', { product: 'freshsales', action: 'set', key: 'other', value: { a: 1 } })).status).toBe(200);
    await harness.post('/_emulator/clock/advance', { ms: 60_001 });
    expect(await db({ action: 'get', key: 'k1' })).toEqual({ status: 200, body: { i: 1 } });
  });

  it('survives a restart: the data lives in .fdk/db.json', async () => {
    await db({ action: 'set', key: 'kept', value: { survived: true } });
    const { appDir } = harness.context;
    await harness.close();
    harness = await startServerless({ appDir });
    expect(await db({ action: 'get', key: 'kept' })).toEqual({ status: 200, body: { survived: true } });
  });

  it('POST /_emulator/reset clears the data store, schedules and CRM records but keeps installations', async () => {
    await harness.post('/_emulator/install', { product: 'freshworks_crm', iparams: { subdomain: 'acme', api_key: 'sekret' } });
    await db({ action: 'set', key: 'gone', value: { a: 1 } });
    await harness.post('/_emulator/functions/scheduleOnce', { product: 'freshworks_crm', payload: { name: 's', note: 'x', minutes: 10 } });
    const contact = harness.context.store.create('freshworks_crm', 'contacts', { first_name: 'Temp' });
    expect(await harness.post('/_emulator/reset')).toEqual({ status: 200, body: { ok: true } });
    const state = (await harness.call('GET', '/_emulator/state')).body as Record<string, unknown>;
    expect(state.db).toEqual({});
    expect(state.schedules).toEqual({});
    expect(state.installed).toEqual(['freshworks_crm']);
    expect(harness.context.store.get('freshworks_crm', 'contacts', contact.id)).toBeUndefined();
  });
});
