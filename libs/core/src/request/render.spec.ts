import { describe, expect, it } from 'vitest';
import { renderForPlatform, renderFully, type Resolve } from './render';
import { parseTemplateString, type Segment } from './template-expression';

function parse(input: string): Segment[] {
  const result = parseTemplateString(input);
  if (!result.ok) throw new Error(result.problem);
  return result.segments;
}

const values: Record<string, string> = { 'iparam.id': 'id', 'iparam.token': 'tök', 'context.page': '2', 'context.name': "O'Brien", access_token: 'AT' };
const resolveAll: Resolve = (ref) => values[ref.source === 'access_token' ? 'access_token' : `${ref.source}.${ref.key}`];
const resolveContext: Resolve = (ref) => (ref.source === 'context' ? values[`context.${ref.key}`] : undefined);
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('renderFully', () => {
  it('substitutes every reference and base64-encodes encode(...)', () => {
    expect(renderFully(parse("Basic <%= encode(iparam.id + ':' + iparam.token) %>"), resolveAll)).toEqual({ ok: true, text: `Basic ${b64('id:tök')}` });
    expect(renderFully(parse('p=<%= context.page %>&t=<%= access_token %>'), resolveAll)).toEqual({ ok: true, text: 'p=2&t=AT' });
    expect(renderFully(parse("<%= encode(iparam.id) + ':x' %>"), resolveAll)).toEqual({ ok: true, text: `${b64('id')}:x` });
  });

  it('names the missing reference', () => {
    expect(renderFully(parse('/calls/<%= context.call_id %>'), resolveAll)).toEqual({ ok: false, ref: { source: 'context', key: 'call_id' }, reason: 'missing' });
  });
});

describe('renderForPlatform', () => {
  it('substitutes context and leaves iparam and access_token for the platform', () => {
    expect(renderForPlatform(parse('<%= iparam.domain %>/p/<%= context.page %>?t=<%= access_token %>'), resolveContext)).toEqual({
      ok: true,
      text: '<%= iparam.domain %>/p/2?t=<%= access_token %>',
    });
  });

  it('evaluates encode(...) that needs no platform value', () => {
    expect(renderForPlatform(parse('<%= encode(context.page + "x") %>'), resolveContext)).toEqual({ ok: true, text: b64('2x') });
    expect(renderForPlatform(parse('<%= iparam.id + encode(context.page) %>'), resolveContext)).toEqual({ ok: true, text: `<%= iparam.id %>${b64('2')}` });
  });

  it('passes context into encode(...) as quoted strings', () => {
    expect(renderForPlatform(parse("<%= encode(context.page + ':' + iparam.token) %>"), resolveContext)).toEqual({
      ok: true,
      text: "<%= encode('2' + ':' + iparam.token) %>",
    });
    expect(renderForPlatform(parse('<%= encode(context.name + encode(context.page) + encode(iparam.id)) %>'), resolveContext)).toEqual({
      ok: true,
      text: `<%= encode("O'Brien" + '${b64('2')}' + encode(iparam.id)) %>`,
    });
  });

  it('escapes literal text and context, never what the platform fills in', () => {
    const escaped = renderForPlatform(parse('a b <%= context.name %> <%= iparam.id %>'), resolveContext, encodeURIComponent);
    expect(escaped).toEqual({ ok: true, text: "a%20b%20O'Brien%20<%= iparam.id %>" });
  });

  it('reports a context value it cannot quote, and missing context', () => {
    const both: Resolve = (ref) => (ref.source === 'context' ? `it's "x"` : undefined);
    expect(renderForPlatform(parse('<%= encode(context.v + iparam.id) %>'), both)).toEqual({ ok: false, ref: { source: 'context', key: 'v' }, reason: 'unquotable' });
    expect(renderForPlatform(parse('<%= encode(context.none + iparam.id) %>'), resolveContext)).toMatchObject({ ok: false, reason: 'missing' });
    expect(renderForPlatform(parse('<%= context.none %>'), resolveContext)).toMatchObject({ ok: false, ref: { key: 'none' } });
  });
});
