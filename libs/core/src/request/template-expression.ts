/**
 * The substitution language of request templates, exactly as the platform documents it:
 * `<%= iparam.x %>`, `<%= context.x %>`, `<%= access_token %>`, `<%= encode(<expr>) %>`,
 * where an expression joins those and quoted strings with `+`. Parsed, never evaluated as code.
 */

export type Reference = { source: 'iparam' | 'context'; key: string } | { source: 'access_token' };

export type Term = { kind: 'literal'; value: string } | { kind: 'reference'; ref: Reference } | { kind: 'encode'; terms: readonly Term[] };

export type Segment = { kind: 'text'; text: string } | { kind: 'expression'; terms: readonly Term[] };

export type ParseResult = { ok: true; segments: Segment[] } | { ok: false; problem: string };

const OPEN = '<%';
const CLOSE = '%>';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;

type Token = { type: 'string'; value: string } | { type: 'identifier'; value: string } | { type: 'punctuation'; value: '+' | '(' | ')' | '.' };

class ExpressionProblem extends Error {}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source.charAt(i);
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === "'" || char === '"') {
      const end = source.indexOf(char, i + 1);
      if (end < 0) throw new ExpressionProblem(`the string starting at ${source.slice(i)} is not closed`);
      tokens.push({ type: 'string', value: source.slice(i + 1, end) });
      i = end + 1;
    } else if (char === '+' || char === '(' || char === ')' || char === '.') {
      tokens.push({ type: 'punctuation', value: char });
      i += 1;
    } else {
      const match = IDENTIFIER.exec(source.slice(i));
      if (!match) throw new ExpressionProblem(`unexpected "${char}"`);
      tokens.push({ type: 'identifier', value: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

const SUPPORTED = 'use iparam.<name>, context.<name>, access_token, encode(...) or a quoted string, joined with +';

class ExpressionParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Term[] {
    const terms = this.expression();
    const rest = this.tokens[this.position];
    if (rest) throw new ExpressionProblem(`unexpected "${rest.value}"; ${SUPPORTED}`);
    return terms;
  }

  private expression(): Term[] {
    const terms = [this.term()];
    while (this.peekPunctuation('+')) {
      this.position += 1;
      terms.push(this.term());
    }
    return terms;
  }

  private term(): Term {
    const token = this.tokens[this.position];
    this.position += 1;
    if (!token) throw new ExpressionProblem(`an expression is missing; ${SUPPORTED}`);
    if (token.type === 'string') return { kind: 'literal', value: token.value };
    if (token.type === 'identifier' && token.value === 'access_token') return { kind: 'reference', ref: { source: 'access_token' } };
    if (token.type === 'identifier' && token.value === 'encode' && this.peekPunctuation('(')) {
      this.position += 1;
      const terms = this.expression();
      if (!this.peekPunctuation(')')) throw new ExpressionProblem('encode( is not closed with )');
      this.position += 1;
      return { kind: 'encode', terms };
    }
    if (token.type === 'identifier' && (token.value === 'iparam' || token.value === 'context')) {
      const key = this.tokens[this.position + 1];
      if (!this.peekPunctuation('.') || key?.type !== 'identifier') throw new ExpressionProblem(`${token.value} needs a name, as in ${token.value}.name`);
      this.position += 2;
      return { kind: 'reference', ref: { source: token.value, key: key.value } };
    }
    throw new ExpressionProblem(`"${token.value}" is not supported; ${SUPPORTED}`);
  }

  private peekPunctuation(value: string): boolean {
    const token = this.tokens[this.position];
    return token?.type === 'punctuation' && token.value === value;
  }
}

/** Splits a template string into literal text and parsed `<%= ... %>` expressions. */
export function parseTemplateString(input: string): ParseResult {
  const segments: Segment[] = [];
  let rest = input;
  try {
    while (rest.length) {
      const open = rest.indexOf(OPEN);
      if (open < 0) {
        segments.push({ kind: 'text', text: rest });
        break;
      }
      if (open > 0) segments.push({ kind: 'text', text: rest.slice(0, open) });
      const close = rest.indexOf(CLOSE, open + OPEN.length);
      if (close < 0) throw new ExpressionProblem(`"${rest.slice(open)}" has no closing %>`);
      const body = rest.slice(open + OPEN.length, close);
      if (!body.startsWith('=')) throw new ExpressionProblem(`only <%= ... %> substitutions are supported, not "${rest.slice(open, close + CLOSE.length)}"`);
      segments.push({ kind: 'expression', terms: new ExpressionParser(tokenize(body.slice(1))).parse() });
      rest = rest.slice(close + CLOSE.length);
    }
  } catch (error) {
    if (error instanceof ExpressionProblem) return { ok: false, problem: error.message };
    throw error;
  }
  return { ok: true, segments };
}

export function termReferences(terms: readonly Term[]): Reference[] {
  return terms.flatMap((term) => (term.kind === 'reference' ? [term.ref] : term.kind === 'encode' ? termReferences(term.terms) : []));
}

/** Every value a template string needs, in order of appearance. */
export function referencesOf(segments: readonly Segment[]): Reference[] {
  return segments.flatMap((segment) => (segment.kind === 'expression' ? termReferences(segment.terms) : []));
}

export function describeReference(ref: Reference): string {
  return ref.source === 'access_token' ? 'access_token' : `${ref.source}.${ref.key}`;
}

/** True when a string holds substitution markers; used to keep caller data from smuggling in substitutions. */
export function containsSubstitutionMarker(value: string): boolean {
  return value.includes(OPEN) || value.includes(CLOSE);
}
