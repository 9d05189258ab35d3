import { describe, expect, it, vi } from 'vitest';
import { CrmFaults } from './faults';
import { crmFixture, read, type CrmErrorBody } from './spec-helpers';

describe('CrmFaults', () => {
  it('answers nothing until a fault is set', () => {
    const faults = new CrmFaults();
    expect(faults.take()).toBeUndefined();
    expect(faults.current()).toBeNull();
  });

  it('fails the next `count` requests, then clears itself', async () => {
    const faults = new CrmFaults();
    expect(faults.set({ status: 500, count: 2 })).toEqual({ status: 500, remaining: 2, message: 'Internal server error', retryAfterSeconds: 1 });
    const first = faults.take()!;
    expect(first.status).toBe(500);
    expect(first.headers.get('retry-after')).toBeNull();
    expect(await read<CrmErrorBody>(first)).toEqual({ errors: { code: 500, message: ['Internal server error'] } });
    expect(faults.current()).toMatchObject({ remaining: 1, served: 1 });
    expect(faults.take()!.status).toBe(500);
    expect(faults.current()).toBeNull();
    expect(faults.take()).toBeUndefined();
  });

  it('fails every request until cleared when no count is given, with Retry-After for 429 and 503', () => {
    const faults = new CrmFaults();
    faults.set({ status: 503, retryAfterSeconds: 30 });
    for (let i = 0; i < 5; i++) expect(faults.take()!.headers.get('retry-after')).toBe('30');
    expect(faults.current()).toMatchObject({ status: 503, remaining: null, served: 5, message: 'Service temporarily unavailable' });
    faults.set({ status: 429 });
    expect(faults.take()!.headers.get('retry-after')).toBe('1');
    faults.clear();
    expect(faults.take()).toBeUndefined();
  });

  it('names a status it has no words for, or says what it is told', async () => {
    const faults = new CrmFaults();
    faults.set({ status: 418, count: 1 });
    expect((await read<CrmErrorBody>(faults.take()!)).errors.message).toEqual(['Injected fault 418']);
    faults.set({ status: 422, count: 1, message: 'Mobile number is already used' });
    expect((await read<CrmErrorBody>(faults.take()!)).errors).toEqual({ code: 422, message: ['Mobile number is already used'] });
  });
});

describe('createCrmApi with a fault', () => {
  it('answers the fault before the key and the rate limit, writes nothing, and logs it', async () => {
    const log = vi.fn();
    const crm = crmFixture('freshworks_crm', { log, rateLimit: { limit: 1, windowMs: 60_000 } });
    crm.api.faults.set({ status: 503, count: 2 });
    expect((await crm.call('POST', '/contacts', { body: { contact: { first_name: 'Ada', mobile_number: '+14155550999' } } })).status).toBe(503);
    expect((await crm.call('GET', '/contacts/101', { key: 'wrong' })).status).toBe(503);
    expect(crm.changes).toHaveLength(0);
    expect(log).toHaveBeenCalledWith('crm api: POST /crm/sales/api/contacts answered 503 (injected fault)');
    // The fault used no room in the account's limit.
    expect((await crm.call('GET', '/contacts/101')).status).toBe(200);
  });

  it('still answers 404 for paths outside the API base', async () => {
    const crm = crmFixture('freshsales');
    crm.api.faults.set({ status: 500 });
    expect((await crm.api.handle(new Request('https://acme.freshsales.io/crm/sales/api/contacts/101'))).status).toBe(404);
    expect(crm.api.faults.current()).toMatchObject({ served: 0 });
  });
});
