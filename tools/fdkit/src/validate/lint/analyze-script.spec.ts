import { describe, expect, it } from 'vitest';
import { analyzeScript } from './analyze-script';

const rules = (source: string, path = 'app/a.js', lint: 'app' | 'server' = 'app') =>
  analyzeScript(source, path, { lint }).messages.map((m) => `${m.severity} ${m.ruleId}`);

describe('analyzeScript: the platform lint rules', () => {
  it.each([
    ['no-eval', 'eval("1");', 'error'],
    ['no-alert', 'alert("hi");', 'error'],
    ['no-debugger', 'debugger;', 'error'],
    ['no-unreachable', 'function f() { return 1; f(); }\nf();', 'error'],
    ['no-empty-function', 'g(function () {});', 'error'],
    ['no-unused-vars', 'var unused = 1;', 'error'],
    ['no-caller', 'function f() { return arguments.callee; }\nf();', 'warning'],
    ['no-process-env', 'g(process.env.TOKEN);', 'warning'],
    ['complexity', `function f(a) { ${'if (a) { a++; } '.repeat(8)}return a; }\nf();`, 'warning'],
    ['max-nested-callbacks', 'a(function () { b(function () { c(function () { d(function () { e(function () { return 1; }); }); }); }); });', 'warning'],
    ['handle-callback-err', 'read(function (err, data) { use(data); });', 'warning'],
  ])('%s fails code that breaks it and passes code that does not', (rule, source, severity) => {
    expect(rules(source)).toContain(`${severity} ${rule}`);
    expect(rules('g(function (value) { return value; });')).not.toContain(`${severity} ${rule}`);
  });

  it('holds complexity 7 and four nested callbacks as still fine', () => {
    expect(rules(`function f(a) { ${'if (a) { a++; } '.repeat(6)}return a; }\nf();`)).toEqual([]);
    expect(rules('a(function () { b(function () { c(function () { d(function () { return 1; }); }); }); });')).toEqual([]);
  });

  it('ignores unused caught errors and arguments before a used one', () => {
    expect(rules('try { g(); } catch (e) { h(); }\ng2(function (a, b) { return b; });')).toEqual([]);
  });

  it('skips no-unused-vars in minified files but keeps the other rules', () => {
    expect(rules('var unused = 1; eval("x");', 'app/lib/vendor.min.js')).toEqual(['error no-eval']);
  });

  it('does not let eslint-disable comments switch platform rules off', () => {
    expect(rules('/* eslint-disable */\neval("1");')).toEqual(['error no-eval']);
  });

  it('parses ES modules when a script does not parse as one', () => {
    const analysis = analyzeScript('import x from "./x.js";\nexport default x;', 'app/bundle.js', { lint: 'app' });
    expect(analysis.syntaxError).toBeUndefined();
  });

  it('returns a syntax error as a value', () => {
    expect(analyzeScript('var = ;', 'server/server.js', { lint: 'server' }).syntaxError).toMatchObject({ line: 1, column: 5 });
  });
});
