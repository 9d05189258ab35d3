import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { KeyValueStore } from '../../platform/client';
import { createFakeDb, platformReject } from '../../testing/fake-db';
import { createFakeServerGlobals } from '../../testing/fake-server';
import { DbLimitError, DbValueError, isRecordNotFound, isSetIfConflict } from './errors';
import { dbDelete, dbGet, dbSet, setIfAbsent } from './store';

const Call = z.object({ callId: z.string(), loggedAt: z.string() });

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** A store whose every call fails as the platform does when it is down. */
const failing: KeyValueStore = {
  set: () => platformReject(502, 'Bad gateway'),
  get: () => platformReject(502, 'Bad gateway'),
  update: () => platformReject(502, 'Bad gateway'),
  delete: () => platformReject(502, 'Bad gateway'),
};

describe('setIfAbsent', () => {
  it('writes once: the same call delivered twice logs once', async () => {
    const db = createFakeDb();
    expect(await setIfAbsent('seen:ac_1', { at: 1 }, { db })).toBe(true);
    expect(await setIfAbsent('seen:ac_1', { at: 2 }, { db })).toBe(false);
    expect(await db.get('seen:ac_1')).toEqual({ at: 1 });
  });

  it('writes again once the TTL has run out', async () => {
    const time = clock();
    const db = createFakeDb({ now: time.now });
    expect(await setIfAbsent('seen:ac_1', { at: 1 }, { db, ttl: 60 })).toBe(true);
    time.advance(59_999);
    expect(await setIfAbsent('seen:ac_1', { at: 2 }, { db, ttl: 60 })).toBe(false);
    time.advance(1);
    expect(await setIfAbsent('seen:ac_1', { at: 3 }, { db, ttl: 60 })).toBe(true);
  });

  it('lets other failures through', async () => {
    await expect(setIfAbsent('k', { a: 1 }, { db: failing })).rejects.toEqual({ status: 502, message: 'Bad gateway' });
  });

  it('refuses oversized values before calling the platform', async () => {
    const db = createFakeDb();
    await expect(setIfAbsent('k', { v: 'x'.repeat(9000) }, { db })).rejects.toThrow(DbLimitError);
    expect(db.calls).toEqual([]);
  });

  it('refuses a TTL that is not a positive number of seconds', async () => {
    await expect(setIfAbsent('k', { a: 1 }, { db: createFakeDb(), ttl: 0 })).rejects.toThrow('$db ttl must be a positive number of seconds, got 0');
  });
});

describe('dbSet and dbGet', () => {
  it('write the normalised value and read it back typed', async () => {
    const db = createFakeDb();
    expect(await dbSet('call:1', { callId: 'ac_1', loggedAt: '2026-01-01', note: '' }, { db })).toEqual({ callId: 'ac_1', loggedAt: '2026-01-01', note: null });
    const call = await dbGet('call:1', Call, { db });
    expect(call).toEqual({ callId: 'ac_1', loggedAt: '2026-01-01' });
  });

  it('pass a TTL on', async () => {
    const time = clock();
    const db = createFakeDb({ now: time.now });
    await dbSet('call:1', { callId: 'ac_1', loggedAt: 'x' }, { db, ttl: 1 });
    time.advance(1000);
    expect(await dbGet('call:1', Call, { db })).toBeUndefined();
  });

  it('read a missing key as undefined', async () => {
    expect(await dbGet('call:404', Call, { db: createFakeDb() })).toBeUndefined();
  });

  it('name the field when a stored value no longer fits its schema', async () => {
    const db = createFakeDb();
    await db.set('call:1', { callId: 1 });
    await expect(dbGet('call:1', Call, { db })).rejects.toThrow(DbValueError);
    await expect(dbGet('call:1', Call, { db })).rejects.toThrow('$db value "call:1": callId: expected string, received number (and 1 more)');
  });

  it('let platform failures through', async () => {
    await expect(dbGet('k', Call, { db: failing })).rejects.toEqual({ status: 502, message: 'Bad gateway' });
  });
});

describe('dbDelete', () => {
  it('says whether the key existed, and never fails for a missing one', async () => {
    const db = createFakeDb();
    await db.set('k', { a: 1 });
    expect(await dbDelete('k', { db })).toBe(true);
    expect(await dbDelete('k', { db })).toBe(false);
    await expect(dbDelete('k', { db: failing })).rejects.toEqual({ status: 502, message: 'Bad gateway' });
  });
});

describe('platform error shapes', () => {
  it('tell a missing record and a failed setIf from the rest', () => {
    expect(isRecordNotFound({ status: 404, message: 'Record not found' })).toBe(true);
    expect(isRecordNotFound(new Error('404'))).toBe(false);
    expect(isSetIfConflict({ status: 400, message: 'The setIf conditional request failed' })).toBe(true);
    expect(isSetIfConflict({ status: 409 })).toBe(true);
    expect(isSetIfConflict({ status: 400, message: 'Item size exceeded the maximum limit of 8 KB' })).toBe(false);
  });
});

describe('the sandbox $db', () => {
  it('is used when no store is given, read at call time', async () => {
    const fake = createFakeServerGlobals();
    const uninstall = fake.install();
    try {
      expect(await setIfAbsent('seen:ac_9', { at: 1 })).toBe(true);
      expect(await dbGet('seen:ac_9', z.object({ at: z.number() }))).toEqual({ at: 1 });
    } finally {
      uninstall();
    }
    await expect(dbDelete('seen:ac_9')).rejects.toThrow('$db is not available here');
  });
});
