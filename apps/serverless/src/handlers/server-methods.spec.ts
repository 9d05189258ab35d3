import { describe, expect, it } from 'vitest';
import { createHarness, setupHarnessServer, type Harness } from '../testing/harness';
import { createPlaceholderContact, dial, findByPhone, listCalls, logCall, openDeals } from './server-methods';

const server = setupHarnessServer();
let h: Harness;

const only = async (answers: Promise<{ error: unknown; data: unknown }[]>) => {
  const list = await answers;
  expect(list).toHaveLength(1);
  return list[0]!;
};

describe('findByPhone', () => {
  it('asks the CRM the first time and the index after that', async () => {
    h = createHarness(server);
    const jane = h.crm.add('contacts', { first_name: 'Jane', last_name: 'Doe', mobile_number: '+14155550111' });
    const expected = { error: null, data: { matches: [{ id: jane.id, type: 'contact', name: 'Jane Doe', phone: '+14155550111' }] } };
    expect(await only(h.invoke(findByPhone, { phone: '+14155550111' }))).toEqual(expected);
    const lookups = h.crm.requests.length;
    expect(await only(h.invoke(findByPhone, { phone: '+14155550111' }))).toEqual(expected);
    expect(h.crm.requests).toHaveLength(lookups);
    expect(h.crm.posted).toEqual([]);
  });

  it('answers 400 for what is not an E.164 number, and says when the CRM key is wrong', async () => {
    h = createHarness(server);
    expect((await only(h.invoke(findByPhone, { phone: '415 555' }))).error).toMatchObject({ status: 400 });
    h.crm.outage({ status: 401 });
    expect((await only(h.invoke(findByPhone, { phone: '+14155550111' }))).error).toEqual({
      status: 502,
      message: 'The CRM rejected the API key: check the CRM domain and API key in the installation settings',
    });
  });
});

describe('createPlaceholderContact', () => {
  it('creates the contact and indexes its number at once', async () => {
    h = createHarness(server);
    const answer = await only(h.invoke(createPlaceholderContact, { phone: '+14155550111', name: 'Caller from SF', type: 'contact' }));
    const id = h.crm.contacts[0]!.id;
    expect(answer).toEqual({ error: null, data: { contact: { id, type: 'contact', name: 'Caller from SF', phone: '+14155550111' } } });
    expect(h.fake.$db.dump()['ph:14155550111']).toEqual({ refs: [{ type: 'contact', id, name: 'Caller from SF' }] });
  });

  it('creates leads in Freshsales only', async () => {
    h = createHarness(server);
    expect((await only(h.invoke(createPlaceholderContact, { phone: '+14155550111', name: 'X', type: 'lead' }))).error).toEqual({
      status: 400,
      message: 'Freshworks CRM has no leads: create a contact instead',
    });
    h.dispose();
    server.resetHandlers();
    h = createHarness(server, { product: 'freshsales' });
    expect((await only(h.invoke(createPlaceholderContact, { phone: '+14155550111', name: 'X', type: 'lead' }))).data).toMatchObject({ contact: { type: 'lead' } });
  });

  it("answers 422 with the CRM's reason", async () => {
    h = createHarness(server);
    h.crm.outage({ status: 422, body: { errors: { code: 422, message: ['Mobile number is already used.'] } } });
    expect((await only(h.invoke(createPlaceholderContact, { phone: '+14155550111', name: 'X', type: 'contact' }))).error).toEqual({
      status: 422,
      message: 'The CRM refused to create a contact for +14155550111 (the CRM said: Mobile number is already used.)',
    });
  });
});

describe('logCall', () => {
  const input = { direction: 'outbound', outcome: 'Left voicemail', durationSeconds: 30, notes: ' Call back ', phone: '+14155550111' };

  it('logs against the record, and against the deal too when asked', async () => {
    h = createHarness(server);
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111' });
    const deal = h.crm.add('deals', { name: 'Renewal', contact_ids: [contact.id] });
    const answer = await only(h.invoke(logCall, { ...input, target: { type: 'contact', id: contact.id }, dealId: deal.id }));
    expect(answer).toEqual({
      error: null,
      data: {
        call: {
          id: String(h.crm.phoneCalls[0]!.id),
          direction: 'outbound',
          outcome: 'Left voicemail',
          durationSeconds: 30,
          startedAt: h.crm.phoneCalls[0]!.created_at,
          notes: 'Call back',
          phoneNumber: '+14155550111',
          target: { type: 'contact', id: contact.id },
        },
      },
    });
    expect(h.crm.phoneCalls.map((c) => [c.targetable_type, c.targetable_id])).toEqual([
      ['Contact', contact.id],
      ['Deal', deal.id],
    ]);
  });

  it('logs once when the target is the deal itself', async () => {
    h = createHarness(server);
    const deal = h.crm.add('deals', { name: 'Renewal' });
    await h.invoke(logCall, { ...input, notes: undefined, phone: undefined, target: { type: 'deal', id: deal.id }, dealId: deal.id });
    expect(h.crm.phoneCalls).toHaveLength(1);
  });

  it('says so when the deal log fails after the contact log stood', async () => {
    h = createHarness(server);
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111' });
    const answer = await only(h.invoke(logCall, { ...input, target: { type: 'contact', id: contact.id }, dealId: 999 }));
    expect(answer.error).toEqual({ status: 422, message: 'The call was logged against the contact, but not against deal 999: The CRM refused to log the call against deal 999 (the CRM said: Deal 999 does not exist.)' });
    expect(h.crm.phoneCalls).toHaveLength(1);
  });

  it('answers 429 and 503 so the front end can offer to try again', async () => {
    h = createHarness(server);
    h.crm.outage({ status: 429 });
    expect((await only(h.invoke(logCall, { ...input, target: { type: 'contact', id: 1 } }))).error).toMatchObject({ status: 429 });
    h.crm.outage({ timeoutMs: 500 });
    expect((await only(h.invoke(logCall, { ...input, target: { type: 'contact', id: 1 } }))).error).toMatchObject({ status: 503 });
  });
});

describe('listCalls and openDeals', () => {
  it("lists a record's calls, and sums up an account's week", async () => {
    h = createHarness(server);
    const account = h.crm.add('salesAccounts', { name: 'Acme' });
    const contact = h.crm.add('contacts', { last_name: 'Doe', mobile_number: '+14155550111', sales_account_id: account.id });
    for (let i = 0; i < 3; i += 1) await h.invoke(logCall, { direction: 'inbound', outcome: 'Connected', durationSeconds: 10, target: { type: 'contact', id: contact.id } });
    const [old] = h.crm.phoneCalls;
    old!.created_at = '2026-11-01T10:00:00Z';
    const forContact = await only(h.invoke(listCalls, { record: { type: 'contact', id: contact.id }, limit: 2 }));
    expect((forContact.data as { calls: unknown[] }).calls).toHaveLength(2);
    expect(forContact.data).not.toHaveProperty('summary');
    const forAccount = await only(h.invoke(listCalls, { record: { type: 'sales_account', id: account.id } }));
    expect(forAccount.data).toMatchObject({ summary: { thisWeek: 2, lastContactedAt: h.crm.phoneCalls[2]!.created_at } });
    expect((forAccount.data as { calls: unknown[] }).calls).toHaveLength(3);
  });

  it('an account without calls has no last contact', async () => {
    h = createHarness(server);
    const account = h.crm.add('salesAccounts', { name: 'Acme' });
    expect((await only(h.invoke(listCalls, { record: { type: 'sales_account', id: account.id } }))).data).toEqual({ calls: [], summary: { thisWeek: 0, lastContactedAt: null } });
  });

  it("lists a contact's open deals", async () => {
    h = createHarness(server);
    const contact = h.crm.add('contacts', { last_name: 'Doe' });
    const deal = h.crm.add('deals', { name: 'Renewal', deal_stage_id: 712, contact_ids: [contact.id] });
    expect(await only(h.invoke(openDeals, { contactId: contact.id }))).toEqual({ error: null, data: { deals: [{ id: deal.id, name: 'Renewal' }] } });
    expect((await only(h.invoke(openDeals, { contactId: 12345 }))).error).toMatchObject({ status: 404 });
  });
});

describe('dial', () => {
  it('puts the number on an available agent', async () => {
    h = createHarness(server);
    expect(await only(h.invoke(dial, { to: '+14155550111' }))).toEqual({ error: null, data: { ok: true } });
    expect(h.aircall.dials).toEqual([{ userId: 456001, to: '+14155550111' }]);
  });

  it("dials from the rep's own phone system user, named by email, and says so when that user cannot take it", async () => {
    h = createHarness(server);
    expect(await only(h.invoke(dial, { to: '+14155550111', agentEmail: ' Riya@Acme.example ' }))).toEqual({ error: null, data: { ok: true } });
    expect(h.aircall.dials).toEqual([{ userId: 456001, to: '+14155550111' }]);
    // Not the first available agent's phone: the rep's own, which Aircall answers is not available.
    expect((await only(h.invoke(dial, { to: '+14155550112', agentEmail: 'sam@acme.example' }))).error).toMatchObject({ status: 409, message: expect.stringContaining('Sam Supervisor') as string });
    expect((await only(h.invoke(dial, { to: '+14155550111', agentEmail: 'nobody@acme.example' }))).error).toMatchObject({
      status: 404,
      message: expect.stringContaining('nobody@acme.example') as string,
    });
    expect((await only(h.invoke(dial, { to: '+14155550111', agentEmail: 'not-an-email' }))).error).toMatchObject({ status: 400, message: expect.stringContaining('agentEmail') as string });
  });

  it('says what to do when nobody can take it, or the credentials are wrong', async () => {
    h = createHarness(server, { iparams: { phone_api_token: 'wrong' } });
    expect((await only(h.invoke(dial, { to: '+14155550111' }))).error).toEqual({ status: 502, message: 'Aircall rejected the API ID and token: check them in the installation settings' });
    h.dispose();
    server.resetHandlers();
    h = createHarness(server);
    h.aircall.outage({ status: 405, body: { error: 'User not available' } });
    expect((await only(h.invoke(dial, { to: '+14155550111' }))).error).toMatchObject({ status: 409 });
  });
});
