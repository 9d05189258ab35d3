import { describe, expect, it } from 'vitest';
import { analyzeScript } from '../analyze-script';

const rule = (source: string) => analyzeScript(source, 'server/s.js', { lint: 'server' }).messages.filter((m) => m.ruleId === 'no-logging-rejections');

describe('no-logging-rejections', () => {
  it.each([
    ['a .catch that only logs', 'p.then(ok).catch(function (e) { console.log(e); });'],
    ['a second .then argument that only logs', 'p.then(ok, function (e) { console.error("failed", e); console.info(e.status); });'],
    ['an arrow that only logs', 'p.catch((e) => console.warn(e));'],
    ['console.error itself as the handler', 'p.fail(console.error);'],
  ])('warns on %s', (_name, source) => {
    expect(rule(source)).toHaveLength(1);
  });

  it.each([
    ['a handler that also tells the user', 'p.catch(function (e) { console.log(e); notify(e); });'],
    ['a handler that rethrows', 'p.catch(function (e) { console.log(e); throw e; });'],
    ['a handler that renders an error', 'p.catch((e) => renderData({ message: e.message }));'],
    ['a handler that turns the error into a value', 'p.catch(function (e) { return e; });'],
    ['a named handler', 'p.then(ok, showError);'],
  ])('accepts %s', (_name, source) => {
    expect(rule(source)).toEqual([]);
  });
});
