import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBody, hostLabel, RequestError, requestErrorFromBody, requestErrorFromRejection } from './request-error';

const aircall = { name: 'aircallListCalls', schema: { host: 'api.aircall.io' }, hints: { 401: 'check the Aircall API token in the installation settings' } };
const crm = { name: 'crmGetContact', schema: { host: '<%= iparam.crm_domain %>.myfreshworks.com' }, hints: {} };

describe('requestErrorFromRejection', () => {
  it('wraps the platform rejection with a message a person can act on, using the template hint', () => {
    const error = requestErrorFromRejection(aircall, { status: 401, headers: { 'content-type': 'application/json' }, response: '{"error":"bad token"}', attempts: 1, errorSource: 'APP' });
    expect(error).toBeInstanceOf(RequestError);
    expect(error.message).toBe('aircallListCalls: 401 Unauthorized from api.aircall.io — check the Aircall API token in the installation settings');
    expect(error).toMatchObject({ status: 401, errorSource: 'APP', attempts: 1, templateName: 'aircallListCalls', host: 'api.aircall.io', response: '{"error":"bad token"}', retryable: false });
    expect(error.headers).toEqual({ 'content-type': 'application/json' });
  });

  it.each<[unknown, string, object]>([
    [{ status: 503, attempts: 5, errorSource: 'PLATFORM' }, '503 Service Unavailable from {iparam.crm_domain}.myfreshworks.com after 5 attempts — the service is failing', { errorSource: 'PLATFORM', retryable: true }],
    [{ status: 504, response: 'Timeout error while processing the request.' }, '504 Gateway Timeout from', { errorSource: 'PLATFORM', attempts: 1 }],
    [{ status: 429, attempts: 2 }, '429 Too Many Requests from {iparam.crm_domain}.myfreshworks.com after 2 attempts — too many requests', { errorSource: 'APP', retryable: true }],
    [{ status: 400, response: 'This domain has not been whitelisted.', errorSource: 'APP' }, '400 Bad Request from', { response: 'This domain has not been whitelisted.' }],
    [{ status: 403 }, 'lack permission', {}],
    [{ status: 404 }, 'it may have been deleted', {}],
    [{ status: 418, response: [{ message: 'Session expired or invalid' }] }, '418 Error from', { response: '[{"message":"Session expired or invalid"}]' }],
    [{ status: 0, attempts: 3 }, 'no response from {iparam.crm_domain}.myfreshworks.com after 3 attempts — check the network connection', { errorSource: 'NETWORK', status: 0 }],
    [new TypeError('Failed to fetch'), 'no response from', { errorSource: 'NETWORK', response: 'Failed to fetch', attempts: 1 }],
    ['boom', 'no response from', { errorSource: 'NETWORK', response: undefined }],
    [{ status: 500, headers: { 'retry-after': 3 } }, '500 Internal Server Error', { headers: { 'retry-after': '3' } }],
    [{ status: 400, attempts: 0, errorSource: 'APP' }, '400 Bad Request from', { attempts: 0 }],
  ])('wraps %j', (reason, message, fields) => {
    const error = requestErrorFromRejection(crm, reason);
    expect(error.message).toContain(message);
    expect(error.message.startsWith('crmGetContact: ')).toBe(true);
    expect(error).toMatchObject(fields);
  });
});

describe('requestErrorFromBody', () => {
  it('is a PARSE error naming the template and the problem', () => {
    const error = requestErrorFromBody(aircall, { status: 200, headers: {}, response: '<html>', attempts: 2 }, 'is not valid JSON (Unexpected token)');
    expect(error.message).toBe(
      'aircallListCalls: the response from api.aircall.io is not valid JSON (Unexpected token) — the service answered in a shape the app does not expect; the app may need an update',
    );
    expect(error).toMatchObject({ errorSource: 'PARSE', status: 200, attempts: 2, response: '<html>', retryable: false });
    expect(requestErrorFromBody(aircall, { status: 200, headers: {}, response: '' }, 'x').attempts).toBe(1);
  });
});

describe('hostLabel', () => {
  it('shows substitutions compactly', () => {
    expect(hostLabel('<%= iparam.a %>.<%=context.b%>.example.com')).toBe('{iparam.a}.{context.b}.example.com');
  });
});

describe('errorBody', () => {
  const schema = z.object({ message: z.string() });
  const failed = (response: string | undefined) => new RequestError('failed', { templateName: 'crmCreateContact', host: 'acme.myfreshworks.com', status: 422, errorSource: 'APP', attempts: 1, response });

  it('reads the body as JSON of the expected shape', () => {
    expect(errorBody(failed('{"message":"Mobile number is invalid","extra":1}'), schema)).toEqual({ message: 'Mobile number is invalid' });
  });

  it('is undefined for no body, a body that is not JSON, or one of another shape', () => {
    expect(errorBody(failed(undefined), schema)).toBeUndefined();
    expect(errorBody(failed('<html>Bad gateway</html>'), schema)).toBeUndefined();
    expect(errorBody(failed('{"errors":["no"]}'), schema)).toBeUndefined();
  });
});
