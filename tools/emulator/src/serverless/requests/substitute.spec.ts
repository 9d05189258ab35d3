import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestFailure } from './request-error';
import { EXPRESSION_TIMEOUT_MS, substitute, type SubstitutionScope } from './substitute';

const scope: SubstitutionScope = { iparam: { domain: 'acme', key: 'sekret' }, secure: new Set(['key']), context: { id: 7 }, accessToken: 'tok' };

function refusal(run: () => unknown): RequestFailure['body'] {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestFailure) return error.body;
    throw error;
  }
  throw new Error('expected a refusal');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('substitute: plain reads', () => {
  it('reads iparam.x, context.x and access_token without running a script, so a busy machine cannot time them out', () => {
    const run = vi.spyOn(vm, 'runInNewContext');
    expect(substitute('https://<%= iparam.domain %>.example.com/<%=context.id%>?t=<%= access_token %>', scope, 'url', 'url')).toBe('https://acme.example.com/7?t=tok');
    expect(substitute('Bearer <%= iparam.key %>', scope, 'header', 'h')).toBe('Bearer sekret');
    expect(run).not.toHaveBeenCalled();
  });

  it('keeps the rules of the scripted path: secure iparams only in headers, missing values named', () => {
    expect(refusal(() => substitute('<%= iparam.key %>', scope, 'url', 'url'))).toMatchObject({ status: 400, response: 'Secure iparam "key" can only be used in headers, not in the url (url)' });
    expect(refusal(() => substitute('<%= iparam.nope %>/<%= context.gone %>', scope, 'path', 'p'))).toMatchObject({
      status: 400,
      response: 'Error while substituting the templates: p needs iparam.nope, which has no value',
    });
    expect(refusal(() => substitute('<%= context.gone %>', { ...scope, context: undefined }, 'path', 'p'))).toMatchObject({ response: expect.stringContaining('context.gone') as unknown });
    expect(substitute('<%= access_token %>', { ...scope, accessToken: undefined }, 'header', 'h')).toBe('');
  });

  it('still runs other expressions as scripts, with a guard against endless ones', () => {
    const run = vi.spyOn(vm, 'runInNewContext');
    expect(substitute("<%= encode(iparam.domain + ':x') %>", scope, 'header', 'h')).toBe(Buffer.from('acme:x').toString('base64'));
    expect(run).toHaveBeenCalledWith(" encode(iparam.domain + ':x') ", expect.any(Object), { timeout: EXPRESSION_TIMEOUT_MS });
    run.mockRestore();
    expect(refusal(() => substitute('<%= (() => { for (;;) {} })() %>', scope, 'body', 'b'))).toMatchObject({
      status: 400,
      response: expect.stringMatching(/^Error while substituting the templates: b <%= \(\(\) => \{ for \(;;\) \{\} \}\)\(\) %>: Script execution timed out/) as unknown,
    });
  });
});
