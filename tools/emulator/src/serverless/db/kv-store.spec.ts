import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformFailure } from '../platform-error';
import { DbService } from './db-service';
import { KvStore } from './kv-store';

let dir: string;
let now: number;
let store: KvStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kv-'));
  now = 1_000_000;
  store = new KvStore(join(dir, '.fdk/db.json'), () => now);
});
afterEach(async () => {
  await store.flush();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof PlatformFailure ? error.body() : error;
  }
  throw new Error('expected a refusal');
};

describe('KvStore', () => {
  it('checks keys, values and options the way the platform does', () => {
    expect(failure(() => store.set('freshsales', '', { a: 1 }))).toEqual({ status: 400, message: 'Key must be a non-empty string' });
    expect(failure(() => store.set('freshsales', 7, { a: 1 }))).toMatchObject({ status: 400 });
    expect(failure(() => store.set('freshsales', 'k', [1]))).toEqual({ status: 400, message: 'Value must be a non-empty JSON object' });
    expect(failure(() => store.set('freshsales', 'k', { a: 1 }, 'ttl'))).toEqual({ status: 400, message: 'TTL must be a number of seconds' });
    expect(failure(() => store.set('freshsales', 'k', { a: 1 }, { ttl: 'soon' }))).toEqual({ status: 400, message: 'TTL must be a number of seconds' });
    expect(failure(() => store.set('freshsales', 'k', { a: 1 }, { setIf: 'maybe' }))).toEqual({ status: 400, message: 'setIf must be "exist" or "not_exist"' });
    expect(failure(() => store.set('freshsales', 'k', { a: 1 }, { setIf: 'exist' }))).toEqual({ status: 400, message: 'The setIf conditional request failed' });
    expect(store.set('freshsales', 'k', { a: NaN, b: Infinity, c: '', d: [''] }, null)).toEqual({ Created: true });
    expect(store.get('freshsales', 'k')).toEqual({ a: null, b: null, c: null, d: [null] });
    expect(store.set('freshsales', 'k', { a: 2 }, { setIf: 'exist' })).toEqual({ Created: true });
  });

  it('keeps keys without a positive TTL for good and forgets the others when emulated time passes', () => {
    store.set('freshsales', 'forever', { a: 1 }, { ttl: -1 });
    store.set('freshsales', 'short', { a: 1 }, { ttl: 1.5 });
    now += 1_400;
    expect(store.get('freshsales', 'short')).toEqual({ a: 1 });
    now += 200;
    expect(failure(() => store.get('freshsales', 'short'))).toEqual({ status: 404, message: 'Record not found' });
    expect(store.snapshot()).toEqual({ freshsales: { forever: { a: 1 } } });
  });

  it('updates: increment and append create the key, set takes paths, remove takes paths and array indexes', () => {
    expect(store.update('freshworks_crm', 'n', 'increment', { count: 2 })).toEqual({ Updated: true });
    store.update('freshworks_crm', 'n', 'increment', { count: 3 }, { ttl: 60 });
    store.update('freshworks_crm', 'n', 'append', { list: ['a', 'b', 'c'] });
    store.update('freshworks_crm', 'n', 'set', { 'logs.ticket:1.time': 500, 'list[1]': 'B' });
    store.update('freshworks_crm', 'n', 'remove', ['list[0]', 'logs.ticket:1']);
    expect(store.get('freshworks_crm', 'n')).toEqual({ count: 5, list: ['B', 'c'], logs: {} });
    now += 61_000;
    expect(failure(() => store.get('freshworks_crm', 'n'))).toMatchObject({ status: 404 });
  });

  it('refuses updates the platform refuses', () => {
    store.set('freshsales', 'r', { n: 1, text: 'x', list: [] });
    expect(failure(() => store.update('freshsales', 'r', 'multiply', { n: 2 }))).toMatchObject({ message: 'The update action must be one of increment, append, set, remove' });
    expect(failure(() => store.update('freshsales', 'gone', 'remove', ['n']))).toMatchObject({ message: 'The specified key for remove operation does not exist in the data store' });
    expect(failure(() => store.update('freshsales', 'r', 'increment', { text: 1 }))).toMatchObject({ message: 'Mandatory attributes missing' });
    expect(failure(() => store.update('freshsales', 'r', 'increment', { n: 'one' }))).toMatchObject({ message: 'Mandatory attributes missing' });
    expect(failure(() => store.update('freshsales', 'r', 'append', { list: 'x' }))).toMatchObject({ message: 'Mandatory attributes missing' });
    expect(failure(() => store.update('freshsales', 'r', 'set', {}))).toMatchObject({ message: 'Mandatory attributes missing' });
    expect(failure(() => store.update('freshsales', 'r', 'set', ['n']))).toMatchObject({ message: 'Mandatory attributes missing' });
    expect(failure(() => store.update('freshsales', 'r', 'set', { 'text.deep': 1 }))).toMatchObject({ message: expect.stringContaining('paths in the attributes are invalid') as unknown });
    expect(failure(() => store.update('freshsales', 'r', 'set', { '.': 1 }))).toMatchObject({ message: expect.stringContaining('invalid') as unknown });
    expect(failure(() => store.update('freshsales', 'r', 'remove', []))).toMatchObject({ message: expect.stringContaining('invalid') as unknown });
    expect(failure(() => store.update('freshsales', 'r', 'remove', [3]))).toMatchObject({ message: expect.stringContaining('invalid') as unknown });
    expect(failure(() => store.update('freshsales', 'r', 'remove', ['missing.deep']))).toMatchObject({ message: expect.stringContaining('invalid') as unknown });
    expect(failure(() => store.update('freshsales', 'r', 'set', { blob: 'x'.repeat(9000) }))).toMatchObject({ message: 'Item size exceeded the maximum limit of 8 KB' });
    expect(failure(() => store.delete('freshsales', 'gone'))).toEqual({ status: 404, message: 'Record not found' });
  });

  it('keeps its data in a file and reads it back, skipping what it does not understand', async () => {
    store.set('freshsales', 'kept', { a: 1 }, { ttl: 3600 });
    await store.flush();
    const saved = JSON.parse(await readFile(join(dir, '.fdk/db.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toEqual({ freshsales: { kept: { value: { a: 1 }, expires_at: now + 3_600_000 } } });

    await writeFile(join(dir, '.fdk/db.json'), JSON.stringify({ freshsales: { ok: { value: { b: 2 } }, bad: 3 }, nowhere: {}, freshworks_crm: 'x' }));
    const again = new KvStore(join(dir, '.fdk/db.json'), () => now);
    await again.load();
    expect(again.snapshot()).toEqual({ freshsales: { ok: { b: 2 } } });

    await mkdir(join(dir, 'other/.fdk'), { recursive: true });
    await writeFile(join(dir, 'other/.fdk/db.json'), '[1]');
    const odd = new KvStore(join(dir, 'other/.fdk/db.json'), () => now);
    await odd.load();
    expect(odd.snapshot()).toEqual({});
    await again.clear();
    expect(again.snapshot()).toEqual({});
  });
});

describe('DbService', () => {
  it('routes each call and allows 50 a minute per product', async () => {
    const service = new DbService(store, () => now);
    expect(service.call('freshsales', { action: 'set', key: 'a', value: { n: 1 } })).toEqual({ Created: true });
    expect(service.call('freshsales', { action: 'update', key: 'a', type: 'increment', attributes: { n: 1 } })).toEqual({ Updated: true });
    expect(service.call('freshsales', { action: 'get', key: 'a' })).toEqual({ n: 2 });
    expect(service.call('freshsales', { action: 'delete', key: 'a' })).toEqual({ Deleted: true });
    for (let i = 4; i < 50; i += 1) service.call('freshsales', { action: 'set', key: `k${i}`, value: { i } });
    expect(failure(() => service.call('freshsales', { action: 'get', key: 'k4' }))).toEqual({ status: 429, message: 'You have exceeded the limit of 50 requests per minute' });
    now += 60_000;
    expect(service.call('freshsales', { action: 'get', key: 'k4' })).toEqual({ i: 4 });
    await service.reset();
    expect(store.snapshot()).toEqual({});
  });
});
