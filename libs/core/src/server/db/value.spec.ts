import { describe, expect, it } from 'vitest';
import { DbLimitError } from './errors';
import { checkDbItem, normaliseDbValue } from './value';

describe('normaliseDbValue', () => {
  it("turns '', NaN and Infinity into null at any depth, as the platform stores them", () => {
    expect(normaliseDbValue({ a: '', b: Number.NaN, c: [Infinity, 'x', { d: -Infinity }], e: 0, f: false })).toEqual({
      a: null,
      b: null,
      c: [null, 'x', { d: null }],
      e: 0,
      f: false,
    });
  });
});

describe('checkDbItem', () => {
  it('returns the value as it will be stored', () => {
    expect(checkDbItem('k', { at: new Date('2026-01-01T00:00:00Z'), gone: undefined, n: '' })).toEqual({ at: '2026-01-01T00:00:00.000Z', n: null });
  });

  it.each<[string, unknown, RegExp]>([
    ['an empty object', {}, /is empty; the platform rejects \{\}/],
    ['an object that is empty once stored', { gone: undefined }, /is empty/],
    ['an array', [1], /must be a JSON object/],
    ['a string', 'x', /must be a JSON object/],
    ['a value without JSON form', { n: 1n }, /has no JSON form/],
  ])('refuses %s', (_, value, message) => {
    expect(() => checkDbItem('call:1', value)).toThrow(DbLimitError);
    expect(() => checkDbItem('call:1', value)).toThrow(message);
  });

  it('counts key and value in UTF-8 bytes against 8 KB', () => {
    const key = 'k'.repeat(10);
    const fits = { v: 'x'.repeat(8192 - 10 - '{"v":""}'.length) };
    expect(() => checkDbItem(key, fits)).not.toThrow();
    expect(() => checkDbItem(key, { v: `${fits.v}x` })).toThrow('$db item "kkkkkkkkkk" is 8.0 KB (key and value); the platform allows 8.0 KB');
    expect(() => checkDbItem(key, { v: 'é'.repeat(4090) })).toThrow(/is 8\.0 KB/);
    expect(() => checkDbItem(key, { v: '😀'.repeat(2046) })).toThrow(DbLimitError);
  });

  it('takes another size limit', () => {
    expect(() => checkDbItem('k', { v: 'x'.repeat(5000) }, { maxItemBytes: 4096 })).toThrow(/allows 4\.0 KB/);
  });
});
