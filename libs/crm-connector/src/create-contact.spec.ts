import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { splitName } from './people';
import { crmFailure, setupConnector } from './testing/connector-setup';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('createContact', () => {
  it.each(['2.1', '2.3'] as const)('creates a placeholder contact with the number as its mobile number (platform %s)', async (version) => {
    const { connector, mock } = setupConnector(server, 'freshworks_crm', version);
    const result = await connector.createContact({ phoneNumber: '+14155550111', newContactName: ' Unknown  caller ', newContactType: 'contact' });
    expect(result).toEqual({
      contactInfo: { id: mock.contacts[0]!.id, type: 'contact', name: 'Unknown caller' },
      returnMessage: { message: 'Contact created', messageType: 'success', ttl: 3000 },
    });
    expect(mock.posted).toEqual([{ path: '/contacts', body: { contact: { first_name: 'Unknown', last_name: 'caller', mobile_number: '+14155550111' } } }]);
  });

  it('breaks apart what the platform would read as a substitution, rather than failing', async () => {
    const { connector, mock } = setupConnector(server, 'freshworks_crm', '2.1');
    await connector.createContact({ phoneNumber: '+14155550111', newContactName: 'Dr <%= iparam.crm_api_key %>', newContactType: 'contact' });
    expect(mock.posted[0]!.body).toEqual({ contact: { first_name: 'Dr < %= iparam.crm_api_key %', last_name: '>', mobile_number: '+14155550111' } });
    const contact = mock.contacts[0]!;
    await connector.createCallLog({ contactInfo: { id: contact.id, type: 'contact' }, callLog: { direction: 'inbound', outcome: 'Connected', durationSeconds: 1 }, note: '50%> done <%' });
    expect(mock.posted[1]!.body).toMatchObject({ phone_call: { note: { description: '50% > done < %' } } });
  });

  it('creates a lead in Freshsales', async () => {
    const { connector, mock } = setupConnector(server, 'freshsales');
    expect(connector.contactTypes).toEqual(['contact', 'lead']);
    const result = await connector.createContact({ phoneNumber: '+1 415 555 0111', newContactName: 'Caller', newContactType: 'lead' });
    expect(result).toMatchObject({ contactInfo: { type: 'lead', name: 'Caller' }, returnMessage: { message: 'Lead created' } });
    expect(mock.posted).toEqual([{ path: '/leads', body: { lead: { last_name: 'Caller', mobile_number: '+14155550111' } } }]);
  });

  it('refuses leads in Freshworks CRM, empty names and bad numbers before sending', async () => {
    const { connector, mock } = setupConnector(server);
    expect(connector.contactTypes).toEqual(['contact']);
    expect(await crmFailure(connector.createContact({ phoneNumber: '+14155550111', newContactName: 'X', newContactType: 'lead' }))).toMatchObject({
      kind: 'invalid',
      message: 'Freshworks CRM has no leads: create a contact instead',
    });
    expect(await crmFailure(connector.createContact({ phoneNumber: '+14155550111', newContactName: '  ', newContactType: 'contact' }))).toMatchObject({ kind: 'invalid' });
    expect(await crmFailure(connector.createContact({ phoneNumber: '12', newContactName: 'X', newContactType: 'contact' }))).toMatchObject({ kind: 'invalid' });
    expect(mock.requests).toEqual([]);
  });

  it("422 and 400: the CRM's reason is in the message", async () => {
    const { connector, mock } = setupConnector(server);
    mock.outage({ status: 422, body: { errors: { code: 422, message: ['Mobile number is already used.', 'Try again.'] } } });
    const error = await crmFailure(connector.createContact({ phoneNumber: '+14155550111', newContactName: 'X', newContactType: 'contact' }));
    expect(error).toMatchObject({ kind: 'invalid', status: 422, retryable: false });
    expect(error.message).toBe('The CRM refused to create a contact for +14155550111 (the CRM said: Mobile number is already used. Try again.)');
    mock.outage({ status: 400, body: { errors: { code: 400, message: 'The type is invalid.' } } });
    expect((await crmFailure(connector.createContact({ phoneNumber: '+14155550111', newContactName: 'X', newContactType: 'contact' }))).message).toContain('(the CRM said: The type is invalid.)');
  });

  it('403 and 401', async () => {
    const { connector, mock } = setupConnector(server);
    mock.outage({ status: 403, body: { message: 'No access' } });
    expect(await crmFailure(connector.createContact({ phoneNumber: '+14155550111', newContactName: 'X', newContactType: 'contact' }))).toMatchObject({
      kind: 'forbidden',
      message: 'The CRM API key may not create a contact for +14155550111 (the CRM said: No access): use the key of a user with access',
    });
    mock.outage({ status: 401 });
    expect(await crmFailure(connector.createContact({ phoneNumber: '+14155550111', newContactName: 'X', newContactType: 'contact' }))).toMatchObject({ kind: 'credentials' });
  });
});

describe('splitName', () => {
  it('keeps the last word as the last name, which Freshsales requires', () => {
    expect(splitName('Mary Ann Smith')).toEqual({ first_name: 'Mary Ann', last_name: 'Smith' });
    expect(splitName('Cher')).toEqual({ last_name: 'Cher' });
  });
});
