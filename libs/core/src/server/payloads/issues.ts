import type { z } from 'zod';

/** One thing wrong with an input, by field path (`data.contact.id`). */
export interface PayloadIssue {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

export function formatPath(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

const TYPE_WORDS: Record<string, string> = { record: 'object', tuple: '[old, new] pair' };

function typeWord(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : describeValue(value);
}

function sizeOf(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string') return `${value.length} character${value.length === 1 ? '' : 's'}`;
  return quoted(value);
}

/** Zod's message without its generic prefix ("Invalid input: "). */
function plain(message: string): string {
  return message.replace(/^Invalid (input|option|value)(: )?/, '').trim() || 'is not valid';
}

/** Unions fail in every branch: say "expected A or B", or follow the branch that got furthest. */
function fromUnion(issue: Extract<Issue, { code: 'invalid_union' }>, input: unknown, path: readonly Key[]): PayloadIssue[] {
  const branches = issue.errors;
  const deepest = branches
    .filter((branch) => branch.some((i) => i.path.length > 0 || i.code !== 'invalid_type'))
    .sort((a, b) => a.length - b.length)[0];
  if (deepest) return deepest.flatMap((i) => fromIssue(i, [...path, ...i.path]));
  const expected = [...new Set(branches.flat().map((i) => ('expected' in i ? typeWord(String(i.expected)) : '')))].filter(Boolean);
  return [{ path: formatPath(path), message: `expected ${expected.join(' or ')}, received ${describeValue(input)}` }];
}

function fromIssue(issue: Issue, path: readonly Key[] = issue.path): PayloadIssue[] {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_union':
      return fromUnion(issue, input, path);
    case 'invalid_type':
      return [{ path: formatPath(path), message: `expected ${typeWord(issue.expected)}, received ${describeValue(input)}` }];
    case 'invalid_value':
      return [
        {
          path: formatPath(path),
          message: `expected ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, received ${quoted(input)}`,
        },
      ];
    case 'too_small':
    case 'too_big':
      return [{ path: formatPath(path), message: `${issue.message.replace(/^Too (small|big): /, '')}, received ${sizeOf(input)}` }];
    default:
      return [{ path: formatPath(path), message: plain(issue.message) }];
  }
}

/** Zod issues as field paths and messages a person can act on. Parse with `reportInput: true`. */
export function toPayloadIssues(error: z.ZodError): PayloadIssue[] {
  return error.issues.flatMap((issue) => fromIssue(issue));
}

/** `label: path: message`, with a count of the rest. */
export function summarizeIssues(label: string, issues: readonly PayloadIssue[]): string {
  const [first] = issues;
  if (!first) return `${label}: invalid`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${label}: ${first.path}: ${first.message}${more}`;
}
