import { describe, expect, it } from 'vitest';
import { loadServer } from './load-server';

const load = (source: string, timeoutMs = 500) => loadServer(source, 'server/server.js', timeoutMs);

describe('loadServer', () => {
  it('reads the functions of the exports object, getters included', () => {
    const result = load(`var helper = require('lodash');
exports = { a: function () {}, b: 1, events: [{ event: 'onX', callback: 'a' }, 'junk'] };
Object.defineProperty(exports, 'c', { get: function () { return function () {}; }, enumerable: true });`);
    expect(result).toEqual({
      ok: true,
      exports: {
        keys: new Map([['a', 'function'], ['b', 'number'], ['events', 'object'], ['c', 'function']]),
        moduleKeys: new Map(),
        registrations: [{ event: 'onX', callback: 'a' }, { event: '', callback: '' }],
      },
    });
  });

  it('reads module.exports separately when server.js sets it instead', () => {
    const result = load('module.exports = { handler: function () {} };');
    expect(result.ok && [...result.exports.moduleKeys]).toEqual([['handler', 'function']]);
    expect(result.ok && result.exports.keys.size).toBe(0);
  });

  it('gives the platform globals, inert, so top-level use of them does not fail', () => {
    const result = load(`var pending = $db.get('k').then(function () {});
var id = generateTargetUrl();
console.log('loaded', String(id), process.env.ENV);
renderData(null, {});
exports = { ok: function () { return pending; } };`);
    expect(result.ok).toBe(true);
  });

  it('does not hand the app any host object', () => {
    const result = load(`var leaked = renderData.constructor('return typeof require === "function" && typeof process.exit')();
exports = { leaked: leaked === 'function' ? function () {} : 1 };`);
    expect(result.ok && result.exports.keys.get('leaked')).toBe('number');
  });

  it('reports a syntax error, a throw and a hang as values', () => {
    expect(load('exports = {')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(load('throw new TypeError("boom");')).toEqual({ ok: false, reason: 'threw', message: 'TypeError: boom' });
    expect(load('throw 42;')).toEqual({ ok: false, reason: 'threw', message: 'it threw 42' });
    expect(load('undefinedThing.call();')).toMatchObject({ ok: false, reason: 'threw', message: expect.stringContaining('ReferenceError') as string });
    expect(load('while (true) {}', 100)).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('bounds a getter that hangs while the exports are read', () => {
    const result = load("Object.defineProperty(exports, 'slow', { get: function () { for (;;) {} }, enumerable: true });", 100);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('bounds promise loops that start at the top level', () => {
    expect(load('(async function () { for (;;) { await null; } })();', 100)).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('has no timers, as the platform sandbox has none', () => {
    expect(load('setTimeout(function () {}, 1);')).toMatchObject({ ok: false, reason: 'threw' });
  });
});
