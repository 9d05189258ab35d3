import { describe, expect, it, vi } from 'vitest';
import { crmFixture, read, type CrmErrorBody } from './spec-helpers';

describe('createCrmApi', () => {
  it('answers 401 with a login failure without a key, with a wrong key, or with the other product key', async () => {
    const crm = crmFixture('freshworks_crm');
    for (const key of [null, 'wrong', 'fake-classic-key']) {
      const response = await crm.call('GET', '/contacts/101', { key });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ login: 'failed', message: 'Incorrect or expired API key' });
    }
  });

  it('accepts the key quoted, as Rails token auth allows', async () => {
    const crm = crmFixture('freshsales');
    const response = await crm.call('GET', '/contacts/101', { key: null, headers: { authorization: 'Token token="fake-classic-key"' } });
    expect(response.status).toBe(200);
  });

  it('answers 404 in the product error shape for unknown routes and paths outside the API base', async () => {
    const crm = crmFixture('freshworks_crm');
    const unknown = await crm.call('GET', '/widgets');
    expect(unknown.status).toBe(404);
    expect((await read<CrmErrorBody>(unknown)).errors.message[0]).toContain('/crm/sales/api/widgets');
    const outside = await crm.api.handle(new Request('https://acme.myfreshworks.com/api/contacts/101'));
    expect(outside.status).toBe(404);
    expect((await read<CrmErrorBody>(await crm.call('PATCH', '/contacts/101'))).errors.code).toBe(404);
  });

  it('answers 429 with Retry-After past the account limit, and recovers in the next window', async () => {
    const crm = crmFixture('freshworks_crm', { rateLimit: { limit: 2, windowMs: 60_000 } });
    expect((await crm.call('GET', '/contacts/101')).status).toBe(200);
    expect((await crm.call('GET', '/contacts/102')).status).toBe(200);
    const limited = await crm.call('GET', '/contacts/103');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await read<CrmErrorBody>(limited)).errors).toMatchObject({ code: 429 });
    crm.advance(60_000);
    expect((await crm.call('GET', '/contacts/103')).status).toBe(200);
  });

  it('does not count requests refused for their key', async () => {
    const crm = crmFixture('freshsales', { rateLimit: { limit: 1, windowMs: 60_000 } });
    await crm.call('GET', '/contacts/101', { key: 'wrong' });
    expect((await crm.call('GET', '/contacts/101')).status).toBe(200);
  });

  it('answers 500 and logs when a handler throws', async () => {
    const log = vi.fn();
    const crm = crmFixture('freshworks_crm', { log });
    vi.spyOn(crm.store, 'get').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    const response = await crm.call('GET', '/contacts/101');
    expect(response.status).toBe(500);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk on fire'));
  });
});
