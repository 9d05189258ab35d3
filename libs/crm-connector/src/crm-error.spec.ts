import { RequestError, RequestTemplateError } from '@callbridge/core';
import { describe, expect, it } from 'vitest';
import { CrmError, toCrmError } from './crm-error';

const requestError = (status: number, response?: string) =>
  new RequestError('x', { templateName: 't', host: 'acme.myfreshworks.com', status, errorSource: status ? 'APP' : 'NETWORK', attempts: 1, response });

describe('toCrmError', () => {
  it('passes on what is not a failed request (a bug of ours) untouched', () => {
    const bug = new TypeError('boom');
    expect(toCrmError(bug, 'x')).toBe(bug);
  });

  it('a request the app refused to send is invalid', () => {
    expect(toCrmError(new RequestTemplateError('t', 'path', 'needs context.id'), 'read it')).toMatchObject({ kind: 'invalid', status: 0 });
  });

  it('sorts statuses into kinds', () => {
    const kind = (status: number) => (toCrmError(requestError(status), 'x') as CrmError).kind;
    expect([400, 401, 403, 404, 408, 409, 422, 429, 0, 500, 502].map(kind)).toEqual([
      'invalid',
      'credentials',
      'forbidden',
      'not_found',
      'unreachable',
      'invalid',
      'invalid',
      'rate_limited',
      'unreachable',
      'unreachable',
      'unreachable',
    ]);
    expect((toCrmError(requestError(0), 'log the call') as CrmError).message).toBe(
      'The CRM is not answering (no response), so Callbridge could not log the call; try again in a few minutes',
    );
  });

  it("reads the CRM's words only from bodies that carry some", () => {
    const said = (response?: string) => (toCrmError(requestError(422, response), 'do it') as CrmError).message;
    expect(said('not json')).toBe('The CRM refused to do it');
    expect(said('{"errors": {"message": []}}')).toBe('The CRM refused to do it');
    expect(said('{"errors": 5}')).toBe('The CRM refused to do it');
    expect(said('{}')).toBe('The CRM refused to do it');
  });

  it('is retryable only for rate limits and outages', () => {
    expect(new CrmError('rate_limited', 'm', 429).retryable).toBe(true);
    expect(new CrmError('credentials', 'm', 401).retryable).toBe(false);
  });
});
