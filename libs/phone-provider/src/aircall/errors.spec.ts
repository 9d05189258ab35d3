import { RequestError, RequestTemplateError } from '@callbridge/core';
import { describe, expect, it } from 'vitest';
import type { PhoneProviderError } from '../phone-error';
import { toPhoneProviderError } from './errors';

const requestError = (status: number, response?: string) =>
  new RequestError('x', { templateName: 't', host: 'api.aircall.io', status, errorSource: status ? 'APP' : 'NETWORK', attempts: 1, response });

describe('toPhoneProviderError', () => {
  it('passes on what is not a failed request (a bug of ours) untouched', () => {
    const bug = new TypeError('boom');
    expect(toPhoneProviderError(bug, 'x')).toBe(bug);
  });

  it('a request the app refused to send is invalid', () => {
    expect(toPhoneProviderError(new RequestTemplateError('t', 'body', 'holds "<%"'), 'dial')).toMatchObject({ kind: 'invalid', status: 0 });
  });

  it("reads Aircall's words from either error body, and ignores bodies without any", () => {
    const said = (response?: string) => (toPhoneProviderError(requestError(400, response), 'do it') as PhoneProviderError).message;
    expect(said('{"error":"Bad","troubleshoot":"Fix it"}')).toBe('Aircall refused to do it (Aircall said: Bad: Fix it)');
    expect(said('{"message":"Nope"}')).toBe('Aircall refused to do it (Aircall said: Nope)');
    expect(said('{"error":" "}')).toBe('Aircall refused to do it');
    expect(said('[1]')).toBe('Aircall refused to do it');
    expect(said('{"error": 5}')).toBe('Aircall refused to do it');
    expect(said(undefined)).toBe('Aircall refused to do it');
  });

  it('sorts statuses into kinds', () => {
    const kind = (status: number) => (toPhoneProviderError(requestError(status), 'x') as PhoneProviderError).kind;
    expect([401, 403, 404, 405, 408, 409, 422, 429, 0, 500, 504].map(kind)).toEqual([
      'credentials',
      'credentials',
      'not_found',
      'agent_unavailable',
      'unreachable',
      'invalid',
      'invalid',
      'rate_limited',
      'unreachable',
      'unreachable',
      'unreachable',
    ]);
  });
});
