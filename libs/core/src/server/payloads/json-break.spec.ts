import { describe, expect, it } from 'vitest';
import { findJsonBreak } from './json-break';

describe('findJsonBreak', () => {
  it.each([
    ['{"data": {"contact": {"id": 12', 'data.contact.id'],
    ['{"data": {"contact": {"name": "Ja', 'data.contact.name'],
    ['{"data": {"list": [1, 2, {"x": tr', 'data.list[2].x'],
    ['{"a": [[1], [2, [3', 'a[1][1][0]'],
    ['{"odd key": {"v": "\\u00', '["odd key"].v'],
    ['{"a": -', 'a'],
    ['{"a": 1, ', '(root)'],
    ['[', '[0]'],
    ['   ', '(root)'],
  ])('says %j was cut inside %s', (text, path) => {
    expect(findJsonBreak(text)).toEqual({ path, offset: text.length, truncated: true });
  });

  it.each([
    ['{"a": {"b": x}}', 'a.b', 12],
    ['{"a": [1, 2}', 'a[1]', 11],
    ['{"a": nul, "b": 1}', 'a', 6],
    ['{"a": "\\q"}', 'a', 6],
    ['}', '(root)', 0],
  ])('says %j breaks in %s at %i', (text, path, offset) => {
    expect(findJsonBreak(text)).toEqual({ path, offset, truncated: false });
  });

  it('finds nothing to blame in text that only JSON.parse refuses', () => {
    expect(findJsonBreak('{"a": 1} {"b": 2}')).toEqual({ path: '(root)', offset: 17, truncated: false });
  });
});
