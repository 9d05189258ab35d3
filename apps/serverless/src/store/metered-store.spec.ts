import { createFakeDb } from '@callbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { meteredStore } from './metered-store';

describe('meteredStore', () => {
  it('counts every call, failed or not, and passes options through', async () => {
    const db = createFakeDb();
    const metered = meteredStore(db);
    await metered.db.set('a', { n: 1 });
    await metered.db.set('b', { n: 1 }, { ttl: 60 });
    await expect(metered.db.set('a', { n: 2 }, { setIf: 'not_exist' })).rejects.toMatchObject({ status: 400 });
    await metered.db.update('a', 'increment', { n: 2 });
    await metered.db.update('a', 'set', { m: 1 }, { setIf: 'exist' });
    expect(await metered.db.get('a')).toEqual({ n: 3, m: 1 });
    await metered.db.delete('b');
    await expect(metered.db.get('b')).rejects.toMatchObject({ status: 404 });
    expect(metered.calls()).toBe(8);
    expect(db.calls).toHaveLength(8);
  });
});
