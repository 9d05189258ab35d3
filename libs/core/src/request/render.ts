import { encodeBase64 } from './base64';
import { describeReference, termReferences, type Reference, type Segment, type Term } from './template-expression';

/** Gives the value a reference stands for, or undefined when there is none. */
export type Resolve = (ref: Reference) => string | undefined;

export type RenderResult = { ok: true; text: string } | { ok: false; ref: Reference; reason: 'missing' | 'unquotable' };

class Unresolved extends Error {
  constructor(
    readonly ref: Reference,
    readonly reason: 'missing' | 'unquotable',
  ) {
    super(describeReference(ref));
  }
}

function resolveOrThrow(ref: Reference, resolve: Resolve): string {
  const value = resolve(ref);
  if (value === undefined) throw new Unresolved(ref, 'missing');
  return value;
}

function evaluate(terms: readonly Term[], resolve: Resolve): string {
  return terms
    .map((term) => {
      if (term.kind === 'literal') return term.value;
      if (term.kind === 'encode') return encodeBase64(evaluate(term.terms, resolve));
      return resolveOrThrow(term.ref, resolve);
    })
    .join('');
}

function attempt(render: () => string): RenderResult {
  try {
    return { ok: true, text: render() };
  } catch (error) {
    if (error instanceof Unresolved) return { ok: false, ref: error.ref, reason: error.reason };
    throw error;
  }
}

/** Substitutes every reference, as the platform does when it sends a request. */
export function renderFully(segments: readonly Segment[], resolve: Resolve): RenderResult {
  return attempt(() => segments.map((segment) => (segment.kind === 'text' ? segment.text : evaluate(segment.terms, resolve))).join(''));
}

const isPlatformReference = (ref: Reference): boolean => ref.source !== 'context';
const needsPlatform = (terms: readonly Term[]): boolean => termReferences(terms).some(isPlatformReference);

function quote(value: string, ref: Reference): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new Unresolved(ref, 'unquotable');
}

const LITERAL_REF: Reference = { source: 'context', key: '(literal)' };

// Inside encode(...) the platform evaluates the whole expression, so context values go in as quoted strings.
function platformExpression(terms: readonly Term[], resolveContext: Resolve): string {
  return terms
    .map((term) => {
      if (term.kind === 'literal') return quote(term.value, LITERAL_REF);
      if (term.kind === 'encode') {
        return needsPlatform(term.terms) ? `encode(${platformExpression(term.terms, resolveContext)})` : quote(encodeBase64(evaluate(term.terms, resolveContext)), LITERAL_REF);
      }
      return isPlatformReference(term.ref) ? describeReference(term.ref) : quote(resolveOrThrow(term.ref, resolveContext), term.ref);
    })
    .join(' + ');
}

function platformSegment(terms: readonly Term[], resolveContext: Resolve, escape: (text: string) => string): string {
  if (!needsPlatform(terms)) return escape(evaluate(terms, resolveContext));
  return terms
    .map((term) => {
      if (term.kind === 'literal') return escape(term.value);
      if (term.kind === 'reference') {
        return isPlatformReference(term.ref) ? `<%= ${describeReference(term.ref)} %>` : escape(resolveOrThrow(term.ref, resolveContext));
      }
      if (!needsPlatform(term.terms)) return escape(encodeBase64(evaluate(term.terms, resolveContext)));
      return `<%= encode(${platformExpression(term.terms, resolveContext)}) %>`;
    })
    .join('');
}

/**
 * Substitutes context only and leaves iparam and access_token substitutions for the platform, as a 2.1/2.2
 * free-form request needs: the platform fills those in server-side, so secrets never reach the app.
 * `escape` applies to what we substitute and to literal text (for query values), never to what the platform fills in.
 */
export function renderForPlatform(segments: readonly Segment[], resolveContext: Resolve, escape: (text: string) => string = (text) => text): RenderResult {
  return attempt(() =>
    segments.map((segment) => (segment.kind === 'text' ? escape(segment.text) : platformSegment(segment.terms, resolveContext, escape))).join(''),
  );
}
