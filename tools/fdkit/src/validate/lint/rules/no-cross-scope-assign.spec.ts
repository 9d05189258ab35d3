import { describe, expect, it } from 'vitest';
import { analyzeScript } from '../analyze-script';

const rule = (source: string, lint: 'app' | 'server' = 'app') =>
  analyzeScript(source, `${lint}/x.js`, { lint }).messages.filter((m) => m.ruleId === 'no-cross-scope-assign');

describe('no-cross-scope-assign', () => {
  it('warns when a callback assigns to its enclosing function', () => {
    const source = 'function load() {\n  var total = 0;\n  fetchAll().then(function (rows) { total = rows.length; });\n  return total;\n}\nload();';
    expect(rule(source)).toEqual([expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringContaining("'total'") as string })]);
  });

  it('sees through nested blocks and arrows', () => {
    const source = 'function f() { if (a) { let x; g(() => { x++; }); return x; } }\nf();';
    expect(rule(source)).toHaveLength(1);
  });

  it.each([
    ['a top-level variable (the client pattern)', 'var client;\napp.initialized().then(function (c) { client = c; });'],
    ['a variable of the callback itself', 'function f() { g(function () { var y; y = 1; return y; }); }\nf();'],
    ['a declaration with an initial value', 'function f() { g(function () { var y = 1; return y; }); }\nf();'],
    ['an assignment in the same function', 'function f() { var x; x = 1; return x; }\nf();'],
    ['an inner function that is not a callback', 'function f() { var x; function set() { x = 1; } set(); return x; }\nf();'],
  ])('accepts %s', (_name, source) => {
    expect(rule(source)).toEqual([]);
  });

  it('applies to app/ code only', () => {
    const source = 'function load() { var total = 0; g(function (rows) { total = rows; }); return total; }\nload();';
    expect(rule(source, 'server')).toEqual([]);
  });
});
