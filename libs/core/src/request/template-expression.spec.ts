import { describe, expect, it } from 'vitest';
import { containsSubstitutionMarker, parseTemplateString, referencesOf, type ParseResult } from './template-expression';

function segments(result: ParseResult) {
  if (!result.ok) throw new Error(result.problem);
  return result.segments;
}

describe('parseTemplateString', () => {
  it('keeps plain text as one segment', () => {
    expect(segments(parseTemplateString('api.aircall.io'))).toEqual([{ kind: 'text', text: 'api.aircall.io' }]);
    expect(segments(parseTemplateString(''))).toEqual([]);
  });

  it('parses the documented forms', () => {
    const parsed = segments(parseTemplateString("Basic <%= encode(iparam.id + ':' + iparam.token) %> <%=context.page%><%= access_token %>"));
    expect(parsed).toEqual([
      { kind: 'text', text: 'Basic ' },
      {
        kind: 'expression',
        terms: [
          {
            kind: 'encode',
            terms: [
              { kind: 'reference', ref: { source: 'iparam', key: 'id' } },
              { kind: 'literal', value: ':' },
              { kind: 'reference', ref: { source: 'iparam', key: 'token' } },
            ],
          },
        ],
      },
      { kind: 'text', text: ' ' },
      { kind: 'expression', terms: [{ kind: 'reference', ref: { source: 'context', key: 'page' } }] },
      { kind: 'expression', terms: [{ kind: 'reference', ref: { source: 'access_token' } }] },
    ]);
  });

  it('accepts double-quoted strings and concatenation outside encode', () => {
    const parsed = segments(parseTemplateString('<%= encode(iparam.key) + ":x" %>'));
    expect(parsed).toEqual([
      {
        kind: 'expression',
        terms: [
          { kind: 'encode', terms: [{ kind: 'reference', ref: { source: 'iparam', key: 'key' } }] },
          { kind: 'literal', value: ':x' },
        ],
      },
    ]);
  });

  it.each([
    ['<%= iparam.x', /has no closing %>/],
    ['<% iparam.x %>', /only <%= ... %> substitutions/],
    ['<%= %>', /an expression is missing/],
    ['<%= iparam %>', /iparam needs a name/],
    ['<%= context. %>', /context needs a name/],
    ['<%= process.env.SECRET %>', /"process" is not supported/],
    ['<%= iparam.x.y %>', /unexpected "."/],
    ['<%= encode(iparam.x %>', /encode\( is not closed/],
    ["<%= 'open %>", /is not closed/],
    ['<%= iparam.x; %>', /unexpected ";"/],
    ['<%= iparam.a iparam.b %>', /unexpected "iparam"/],
    ['<%= encode %>', /"encode" is not supported/],
    ['<%= iparam.a + %>', /an expression is missing/],
  ])('refuses %j', (input, problem) => {
    const result = parseTemplateString(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});

describe('referencesOf', () => {
  it('lists every reference, inside encode too, in order', () => {
    const refs = referencesOf(segments(parseTemplateString("<%= context.a %>/<%= encode(iparam.b + access_token) %>")));
    expect(refs).toEqual([{ source: 'context', key: 'a' }, { source: 'iparam', key: 'b' }, { source: 'access_token' }]);
  });
});

describe('containsSubstitutionMarker', () => {
  it.each([
    ['<%= iparam.token %>', true],
    ['50%> off', true],
    ['a < b % c', false],
  ])('%j -> %s', (value, expected) => expect(containsSubstitutionMarker(value)).toBe(expected));
});
