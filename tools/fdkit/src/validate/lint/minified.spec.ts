import { describe, expect, it } from 'vitest';
import { isMinified } from './minified';

describe('isMinified', () => {
  it('takes .min.js files at their word', () => {
    expect(isMinified('app/lib/jquery.min.js', 'var a = 1;\n')).toBe(true);
  });

  it('recognises long-line bundles and leaves hand-written code alone', () => {
    const bundle = `${'var a=1,b=2;'.repeat(300)}\n${'function c(){return a+b}'.repeat(100)}`;
    expect(isMinified('app/chunk.js', bundle)).toBe(true);
    const written = Array.from({ length: 100 }, (_, i) => `  var value${i} = compute(${i});`).join('\n');
    expect(isMinified('app/app.js', written)).toBe(false);
    expect(isMinified('app/tiny.js', 'x')).toBe(false);
  });
});
