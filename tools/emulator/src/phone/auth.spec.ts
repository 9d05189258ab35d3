import { describe, expect, it } from 'vitest';
import { basicAuthHeader, checkBasicAuth } from './auth';
import { DEFAULT_AIRCALL_CREDENTIALS, EMULATOR_AIRCALL_API_ID, EMULATOR_AIRCALL_API_TOKEN } from './credentials';

const withAuth = (authorization?: string) => new Request('https://api.aircall.io/v1/ping', { headers: authorization ? { authorization } : {} });

describe('checkBasicAuth', () => {
  it('accepts the emulator credentials', () => {
    const header = basicAuthHeader({ apiId: EMULATOR_AIRCALL_API_ID, apiToken: EMULATOR_AIRCALL_API_TOKEN });
    expect(checkBasicAuth(withAuth(header), DEFAULT_AIRCALL_CREDENTIALS)).toBe('ok');
  });

  it('tells a missing header from wrong or malformed credentials', () => {
    expect(checkBasicAuth(withAuth(), DEFAULT_AIRCALL_CREDENTIALS)).toBe('missing');
    expect(checkBasicAuth(withAuth(basicAuthHeader({ apiId: EMULATOR_AIRCALL_API_ID, apiToken: 'nope' })), DEFAULT_AIRCALL_CREDENTIALS)).toBe('invalid');
    expect(checkBasicAuth(withAuth('Bearer abc'), DEFAULT_AIRCALL_CREDENTIALS)).toBe('invalid');
    expect(checkBasicAuth(withAuth(`Basic ${Buffer.from('no-colon').toString('base64')}`), DEFAULT_AIRCALL_CREDENTIALS)).toBe('invalid');
  });
});
