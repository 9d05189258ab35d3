import { describe, expect, it } from 'vitest';
import { analyzeScript } from '../analyze-script';

const rule = (source: string) => analyzeScript(source, 'app/a.js', { lint: 'app' }).messages.filter((m) => m.ruleId === 'no-unhandled-promise');

describe('no-unhandled-promise', () => {
  it.each([
    ['a .then chain used as a statement', 'p.then(function (x) { use(x); });', 1],
    ['a longer chain with finally only', 'p.then(a).then(b).finally(c);', 1],
    ['a chain on a call', 'client.request.get(url).then(ok);', 1],
  ])('warns on %s', (_name, source, count) => {
    expect(rule(source)).toHaveLength(count);
    expect(rule(source)[0]).toMatchObject({ severity: 'warning', line: 1, column: 1 });
  });

  it.each([
    ['a .catch', 'p.then(ok).catch(fail);'],
    ['a second .then argument', 'p.then(ok, fail);'],
    ['a jQuery-style .fail', '$db.get(k).then(ok).fail(fail);'],
    ['a returned chain', 'function f() { return p.then(ok); }'],
    ['an awaited chain', 'async function f() { await p.then(ok); }'],
    ['an assigned chain', 'var q = p.then(ok);'],
    ['an arrow body', 'var f = () => p.then(ok);'],
    ['a call that is no chain', 'client.instance.resize({ height: 400 });'],
  ])('accepts %s', (_name, source) => {
    expect(rule(source)).toEqual([]);
  });
});
