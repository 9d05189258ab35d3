import { describe, expect, it } from 'vitest';
import { createFakeDb } from './fake-db';

function clock(start = Date.parse('2026-03-01T10:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createFakeDb: set and get', () => {
  it('answers as the platform does, asynchronously', async () => {
    const db = createFakeDb();
    const pending = db.set('call:1', { id: 1 });
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual({ Created: true });
    expect(await db.get('call:1')).toEqual({ id: 1 });
  });

  it('rejects a missing key with 404 "Record not found"', async () => {
    await expect(createFakeDb().get('nope')).rejects.toEqual({ status: 404, message: 'Record not found' });
  });

  it("stores '', NaN and Infinity as null", async () => {
    const db = createFakeDb();
    await db.set('k', { a: '', b: Number.NaN, c: [Infinity] });
    expect(await db.get('k')).toEqual({ a: null, b: null, c: [null] });
  });

  it('hands out copies, so callers cannot change what is stored', async () => {
    const db = createFakeDb();
    const value = { list: [1] };
    await db.set('k', value);
    value.list.push(2);
    const read = await db.get('k');
    (read.list as number[]).push(3);
    expect(await db.get('k')).toEqual({ list: [1] });
  });

  it.each([
    ['an empty object', 'k', {}, 'Value must be a non-empty JSON object'],
    ['an array', 'k', [1], 'Value must be a non-empty JSON object'],
    ['an empty key', '', { a: 1 }, 'Key must be a non-empty string'],
    ['a key over 30 characters', 'k'.repeat(31), { a: 1 }, 'Key length exceeded the maximum limit of 30 characters'],
    ['an item over 8 KB', 'k', { v: 'x'.repeat(8200) }, 'Item size exceeded the maximum limit of 8 KB'],
  ])('rejects %s with 400', async (_, key, value, message) => {
    await expect(createFakeDb().set(key, value as never)).rejects.toEqual({ status: 400, message });
  });

  it('takes the newer, larger limits', async () => {
    const db = createFakeDb({ maxKeyLength: 60, maxItemBytes: 40 * 1024 });
    await expect(db.set('k'.repeat(60), { v: 'x'.repeat(30_000) })).resolves.toEqual({ Created: true });
  });
});

describe('createFakeDb: setIf', () => {
  it('refuses not_exist on a live key and exist on a missing one', async () => {
    const db = createFakeDb();
    const refused = { status: 400, message: 'The setIf conditional request failed' };
    await expect(db.set('k', { a: 1 }, { setIf: 'exist' })).rejects.toEqual(refused);
    await db.set('k', { a: 1 }, { setIf: 'not_exist' });
    await expect(db.set('k', { a: 2 }, { setIf: 'not_exist' })).rejects.toEqual(refused);
    await db.set('k', { a: 3 }, { setIf: 'exist' });
    expect(await db.get('k')).toEqual({ a: 3 });
  });
});

describe('createFakeDb: TTL', () => {
  it('forgets a key when its seconds run out', async () => {
    const time = clock();
    const db = createFakeDb({ now: time.now });
    await db.set('k', { a: 1 }, { ttl: 2 });
    time.advance(1999);
    expect(await db.get('k')).toEqual({ a: 1 });
    time.advance(1);
    await expect(db.get('k')).rejects.toEqual({ status: 404, message: 'Record not found' });
    expect(db.dump()).toEqual({});
  });

  it('treats an expired key as absent for setIf', async () => {
    const time = clock();
    const db = createFakeDb({ now: time.now });
    await db.set('k', { a: 1 }, { ttl: 1 });
    time.advance(1000);
    await expect(db.set('k', { a: 2 }, { setIf: 'not_exist' })).resolves.toEqual({ Created: true });
  });

  it('keeps the TTL across updates unless given a new one', async () => {
    const time = clock();
    const db = createFakeDb({ now: time.now });
    await db.set('k', { n: 1 }, { ttl: 10 });
    await db.update('k', 'increment', { n: 1 });
    time.advance(10_000);
    await expect(db.get('k')).rejects.toMatchObject({ status: 404 });
    await db.set('j', { n: 1 }, { ttl: 10 });
    await db.update('j', 'increment', { n: 1 }, { ttl: 100 });
    time.advance(10_000);
    expect(await db.get('j')).toEqual({ n: 2 });
  });

  it('rejects a TTL that is not a positive number of seconds', async () => {
    await expect(createFakeDb().set('k', { a: 1 }, { ttl: -5 })).rejects.toEqual({ status: 400, message: 'TTL must be a positive number of seconds' });
  });
});

describe('createFakeDb: update', () => {
  it('increments numbers and appends to lists, creating what is missing', async () => {
    const db = createFakeDb();
    expect(await db.update('stats', 'increment', { calls: 1 })).toEqual({ Updated: true });
    await db.update('stats', 'increment', { calls: 2, missed: 1 });
    await db.update('stats', 'append', { ids: ['a'] });
    await db.update('stats', 'append', { ids: ['b', 'c'] });
    expect(await db.get('stats')).toEqual({ calls: 3, missed: 1, ids: ['a', 'b', 'c'] });
  });

  it('sets and removes by path', async () => {
    const db = createFakeDb();
    await db.set('k', { a: { b: 1, list: [1, 2, 3] }, c: 1 });
    await db.update('k', 'set', { 'a.b': 2, 'a.list[0]': 9, d: 'x' });
    await db.update('k', 'remove', ['c', 'a.list[1]']);
    expect(await db.get('k')).toEqual({ a: { b: 2, list: [9, 3] }, d: 'x' });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['increment of a non-number', async () => { const db = createFakeDb(); await db.set('k', { a: 'x' }); return db.update('k', 'increment', { a: 1 }); }, 'Mandatory attributes missing'],
    ['increment by a non-number', () => createFakeDb().update('k', 'increment', { a: 'x' }), 'Mandatory attributes missing'],
    ['append to a non-list', async () => { const db = createFakeDb(); await db.set('k', { a: 1 }); return db.update('k', 'append', { a: [2] }); }, 'Mandatory attributes missing'],
    ['a path through nothing', () => createFakeDb().update('k', 'set', { 'a.b': 1 }), 'One or more paths in the attributes are invalid or overlapping with each other'],
    ['remove with an object', async () => { const db = createFakeDb(); await db.set('k', { a: 1 }); return db.update('k', 'remove', { a: 1 }); }, 'One or more paths in the attributes are invalid or overlapping with each other'],
    ['set with a list', () => createFakeDb().update('k', 'set', ['a']), 'One or more paths in the attributes are invalid or overlapping with each other'],
    ['remove on a missing key', () => createFakeDb().update('k', 'remove', ['a']), 'The specified key for remove operation does not exist in the data store'],
    ['growth past 8 KB', async () => { const db = createFakeDb(); await db.set('k', { v: 'x'.repeat(8000) }); return db.update('k', 'set', { w: 'y'.repeat(500) }); }, 'Item size exceeded the maximum limit of 8 KB'],
    ['setIf exist on a missing key', () => createFakeDb().update('k', 'increment', { a: 1 }, { setIf: 'exist' }), 'The setIf conditional request failed'],
    ['a bad key', () => createFakeDb().update('', 'increment', { a: 1 }), 'Key must be a non-empty string'],
  ])('rejects %s with 400 and changes nothing', async (_, run, message) => {
    await expect(run()).rejects.toEqual({ status: 400, message });
  });

  it('leaves the record as it was after a refused update', async () => {
    const db = createFakeDb();
    await db.set('k', { a: 1, b: 'x' });
    await expect(db.update('k', 'increment', { a: 1, b: 1 })).rejects.toMatchObject({ status: 400 });
    expect(await db.get('k')).toEqual({ a: 1, b: 'x' });
  });
});

describe('createFakeDb: delete', () => {
  it('deletes, and answers 404 for a key that is not there', async () => {
    const db = createFakeDb();
    await db.set('k', { a: 1 });
    expect(await db.delete('k')).toEqual({ Deleted: true });
    await expect(db.delete('k')).rejects.toEqual({ status: 404, message: 'Record not found' });
    await expect(db.get('')).rejects.toMatchObject({ status: 400 });
    await expect(db.delete('')).rejects.toMatchObject({ status: 400 });
  });

  it('records every call', async () => {
    const db = createFakeDb();
    await db.set('k', { a: 1 });
    await db.get('k');
    await db.delete('k').catch(() => undefined);
    expect(db.calls).toEqual([
      { method: 'set', key: 'k' },
      { method: 'get', key: 'k' },
      { method: 'delete', key: 'k' },
    ]);
  });
});
