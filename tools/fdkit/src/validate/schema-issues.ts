import type { z } from 'zod';
import type { FindingSink, Severity } from './finding';
import { describeJsonValue, formatJsonPath, type JsonPath, valueAt } from './json-path';

/** Where a schema is applied: which file, which rule reports, and the path of the value inside the file. */
export interface SchemaTarget {
  sink: FindingSink;
  file: string;
  rule: string;
  path: JsonPath;
}

/** Parses `value` with `schema`; each issue becomes a finding at its JSON path, and undefined comes back. */
export function parseAt<S extends z.ZodType>(schema: S, value: unknown, target: SchemaTarget): z.infer<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = [...target.path, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
    target.sink.error(target.rule, target.file, formatJsonPath(path), explainIssue(issue, valueAt(value, issue.path)));
  }
  return undefined;
}

/** Turns a zod issue into a sentence about the value the person wrote. */
export function explainIssue(issue: z.core.$ZodIssue, found: unknown): string {
  const name = lastKey(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return `${name} is missing; expected ${article(issue.expected)}`;
      return `${name} must be ${article(issue.expected)}, found ${describeJsonValue(found)}`;
    case 'invalid_value':
      return `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; found ${describeJsonValue(found)}`;
    case 'too_small':
      return issue.origin === 'string' ? `${name} must not be empty` : `${name} must be at least ${String(issue.minimum)}, found ${describeJsonValue(found)}`;
    case 'too_big':
      return `${name} must be at most ${String(issue.maximum)}, found ${describeJsonValue(found)}`;
    default:
      return `${name}: ${issue.message}`;
  }
}

function lastKey(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the value';
  return typeof last === 'number' ? `item ${last}` : `"${String(last)}"`;
}

function article(expected: string): string {
  if (expected === 'object' || expected === 'array' || expected === 'integer') return `an ${expected}`;
  return `a ${expected}`;
}

/** Reports keys of an object that the platform does not know, as warnings: usually a typo. */
export function reportUnknownKeys(
  value: unknown,
  known: readonly string[],
  target: SchemaTarget,
  what: string,
  severity: Severity = 'warning',
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    target.sink.add(severity, {
      rule: target.rule,
      file: target.file,
      location: formatJsonPath([...target.path, key]),
      message: `unknown key "${key}" in ${what}; expected one of ${known.join(', ')}`,
    });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
