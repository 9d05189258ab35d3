import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { check, describeIssues, isSchema, type Schema } from './standard';

describe('Standard Schema checks', () => {
  it('validate zod and valibot schemas alike', () => {
    expect(check(z.object({ a: z.number() }), { a: 1 })).toEqual({ ok: true, value: { a: 1 } });
    expect(check(v.object({ a: v.number() }), { a: 1 })).toEqual({ ok: true, value: { a: 1 } });
    const bad = check(v.object({ a: v.object({ b: v.number() }) }), { a: { b: 'x' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^a\.b: /);
  });

  it('say what is wrong in one line, however many issues', () => {
    const issues = [1, 2, 3, 4, 5].map((n) => ({ message: `m${n}`, path: [`p${n}`] }));
    expect(describeIssues(issues)).toBe('p1: m1; p2: m2; p3: m3 (and 2 more)');
    expect(describeIssues([{ message: 'whole thing' }])).toBe('(root): whole thing');
  });

  it('refuse asynchronous schemas and recognise schemas', () => {
    const slow: Schema<number> = { '~standard': { version: 1, vendor: 'x', validate: () => Promise.resolve({ value: 1 }) } };
    expect(() => check(slow, 1)).toThrow(/asynchronously/);
    expect(isSchema(z.string())).toBe(true);
    expect(isSchema({})).toBe(false);
    expect(isSchema(null)).toBe(false);
  });
});
