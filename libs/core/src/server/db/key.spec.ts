import { describe, expect, it } from 'vitest';
import { DbLimitError } from './errors';
import { dbKey } from './key';

describe('dbKey', () => {
  it('joins a namespace and ids', () => {
    expect(dbKey('call', 'ac_4711')).toBe('call:ac_4711');
    expect(dbKey('deal', [42, 7])).toBe('deal:42:7');
    expect(dbKey('phone', '+442071234567')).toBe('phone:+442071234567');
  });

  it('refuses keys over the 2.x limit of 30 characters, saying how long they are', () => {
    expect(dbKey('call', '1234567890123456789012345')).toHaveLength(30);
    const long = () => dbKey('call', '12345678901234567890123456');
    expect(long).toThrow(DbLimitError);
    expect(long).toThrow('$db key "call:12345678901234567890123456" is 31 characters; the platform allows 30. Shorten the namespace or the id');
  });

  it('takes a larger limit for newer platforms', () => {
    expect(dbKey('call', '12345678901234567890123456', { maxKeyLength: 60 })).toHaveLength(31);
  });

  it.each([
    ['a namespace with a colon', () => dbKey('a:b', 1), /namespace "a:b" must start with a letter/],
    ['an empty id', () => dbKey('call', ' '), /id part " " must be/],
    ['an id with the separator', () => dbKey('call', 'a:b'), /id part "a:b" must be/],
    ['a NaN id', () => dbKey('call', Number.NaN), /id part null must be a finite number/],
    ['no id', () => dbKey('call', []), /"call" needs an id/],
  ])('refuses %s, which could collide or fail later', (_, build, message) => {
    expect(build).toThrow(message);
  });
});
