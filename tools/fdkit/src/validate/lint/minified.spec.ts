import { describe, expect, it } from 'vitest';
import { platformRules } from './lint-config';
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

describe('bundles with CSS kept on many lines', () => {
  it('count as minified when one line runs to thousands of characters', () => {
    const css = Array.from({ length: 200 }, (_, i) => `  .c${i} { color: red; }`).join('\n');
    const bundle = `${'var a=1,b=2;'.repeat(200)}\nvar s=\`${css}\`;`;
    expect(isMinified('app/chunks/chunk-X.js', bundle)).toBe(true);
  });
});

describe('rules for minified code', () => {
  it('keep the hazards and drop the style rules', () => {
    expect(Object.keys(platformRules('app', true)).sort()).toEqual(['no-alert', 'no-debugger', 'no-eval']);
    expect(platformRules('server', false)).toHaveProperty('complexity');
    expect(platformRules('server', false)).toHaveProperty('no-unused-vars');
  });
});
