import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createFakeDb } from '../../testing/fake-db';
import { DbLimitError, DbValueError } from './errors';
import { defineDbRecord } from './record';

const phoneIndex = defineDbRecord('ph', z.object({ contactIds: z.array(z.number()), type: z.enum(['contact', 'lead']) }));

describe('defineDbRecord', () => {
  it('keys, writes and reads typed values', async () => {
    const db = createFakeDb();
    expect(phoneIndex.key('+442071234567')).toBe('ph:+442071234567');
    await phoneIndex.set('+442071234567', { contactIds: [5470], type: 'contact' }, { db });
    const entry = await phoneIndex.get('+442071234567', { db });
    expectTypeOf(entry).toEqualTypeOf<{ contactIds: number[]; type: 'contact' | 'lead' } | undefined>();
    expect(entry).toEqual({ contactIds: [5470], type: 'contact' });
    expect(await phoneIndex.delete('+442071234567', { db })).toBe(true);
    expect(await phoneIndex.get('+442071234567', { db })).toBeUndefined();
  });

  it('writes once with setIfAbsent', async () => {
    const db = createFakeDb();
    expect(await phoneIndex.setIfAbsent('1', { contactIds: [1], type: 'lead' }, { db, ttl: 60 })).toBe(true);
    expect(await phoneIndex.setIfAbsent('1', { contactIds: [2], type: 'lead' }, { db })).toBe(false);
  });

  it('refuses values that break the schema, naming the field', async () => {
    const db = createFakeDb();
    await expect(phoneIndex.set('1', { contactIds: ['x'], type: 'contact' } as never, { db })).rejects.toThrow(DbValueError);
    await expect(phoneIndex.set('1', { contactIds: ['x'], type: 'contact' } as never, { db })).rejects.toThrow(
      '$db value to write "ph:1": contactIds[0]: expected number, received string',
    );
  });

  it('checks the namespace when defined and the key length when used', () => {
    expect(() => defineDbRecord('9x', z.object({}))).toThrow(DbLimitError);
    const tight = defineDbRecord('call', z.object({ a: z.number() }), { maxKeyLength: 8 });
    expect(() => tight.key('12345')).toThrow('is 10 characters; the platform allows 8');
  });
});
