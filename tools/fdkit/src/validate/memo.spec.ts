import { describe, expect, it } from 'vitest';
import { ContentMemo } from './memo';

describe('ContentMemo', () => {
  it('computes once per key and forgets the least recently used past its weight', () => {
    const memo = new ContentMemo<number>(10);
    let computed = 0;
    const get = (key: string, weight = 4) => memo.get(key, weight, () => ++computed);
    expect([get('a'), get('a'), get('b')]).toEqual([1, 1, 2]);
    get('a');
    get('c');
    expect(computed).toBe(3);
    expect(get('a')).toBe(1);
    expect(get('b')).toBe(4);
  });

  it('does not keep values heavier than the whole memo', () => {
    const memo = new ContentMemo<string>(1);
    let computed = 0;
    memo.get('big', 5, () => String(++computed));
    memo.get('big', 5, () => String(++computed));
    expect(computed).toBe(2);
  });
});
