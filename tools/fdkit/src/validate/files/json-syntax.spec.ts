import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumnAt } from './json-syntax';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"s"', '0']) {
      expect(findJsonSyntaxError(text)).toBeUndefined();
    }
  });

  it.each([
    ['', 1, 1, 'the file is empty'],
    ['{\n  "a": 1,\n}', 3, 1, 'trailing comma before "}"'],
    ['[1,]', 1, 4, 'trailing comma before "]"'],
    ['{"a" 1}', 1, 6, 'expected ":"'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected "," or "}"'],
    ['[1 2]', 1, 4, 'expected "," or "]"'],
    ["{'a': 1}", 1, 2, 'expected a property name'],
    ["['a']", 1, 2, 'double quotes'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": 1} x', 1, 10, 'after the end'],
    ['{"a": "x', 1, 9, 'unterminated string'],
    ['"a\nb"', 1, 3, 'control characters'],
    ['"\\q"', 1, 2, 'invalid escape'],
    ['"\\u12"', 1, 2, 'invalid \\u escape'],
    ['-', 1, 1, 'invalid number'],
    ['{"a": 1 // note\n}', 1, 9, 'comments are not allowed'],
    ['{"a":', 1, 6, 'unexpected end of file'],
  ])('locates %j at %i:%i', (text, line, column, message) => {
    expect(findJsonSyntaxError(text)).toEqual({ line, column, message: expect.stringContaining(message) as string });
  });

  it('stops at absurd nesting instead of overflowing the stack', () => {
    expect(findJsonSyntaxError('['.repeat(100_000))?.message).toContain('nesting deeper than');
  });
});

describe('lineColumnAt', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
