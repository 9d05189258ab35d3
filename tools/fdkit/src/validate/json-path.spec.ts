import { describe, expect, it } from 'vitest';
import { describeJsonValue, formatJsonPath, valueAt } from './json-path';

describe('formatJsonPath', () => {
  it('writes paths as a person types them', () => {
    expect(formatJsonPath(['product', 'freshsales', 'location', 'foo'])).toBe('product.freshsales.location.foo');
    expect(formatJsonPath(['apiKey', 'events', 0, 'change'])).toBe('apiKey.events[0].change');
    expect(formatJsonPath(['whitelisted-domains', 1])).toBe('whitelisted-domains[1]');
    expect(formatJsonPath(['a.b', 'c d'])).toBe('["a.b"]["c d"]');
    expect(formatJsonPath([])).toBe('');
  });
});

describe('valueAt', () => {
  it('reads own properties only', () => {
    expect(valueAt({ a: [1, { b: 2 }] }, ['a', 1, 'b'])).toBe(2);
    expect(valueAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
    expect(valueAt({}, ['constructor'])).toBeUndefined();
  });
});

describe('describeJsonValue', () => {
  it('names each kind of value', () => {
    expect([undefined, null, [], {}, 'x', 'y'.repeat(50), 3, true].map(describeJsonValue)).toEqual([
      'nothing', 'null', 'an array', 'an object', '"x"', 'a string', '3', 'true',
    ]);
    expect(describeJsonValue(() => 1)).toBe('a function');
  });
});
