import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crmApiArea } from '../crm/api-area';
import type { RecordChange, StoredRecord } from '../crm/types';
import { phoneArea } from './area';
import type { AircallCall } from './call';
import { AIRCALL_HOST } from './credentials';
import type { Delivery, WebhookEnvelope } from './phone-system';
import { AUTH } from './spec-helpers';
import { startHarness, type Harness } from './testing/harness';
import { startReceiver } from './testing/receiver';

type Lookup = Partial<Record<'contacts' | 'leads', Record<string, StoredRecord[]>>>;

let harness: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeEach(async () => {
  harness = await startHarness([crmApiArea, phoneArea]);
  receiver = await startReceiver();
});

afterEach(async () => {
  await receiver.close();
  await harness.close();
});

async function http<T>(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${harness.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const events = () => receiver.received.map((r) => r.body as WebhookEnvelope);
const crmKey = (product: 'freshworks_crm' | 'freshsales') => ({ authorization: `Token token=${harness.context.store.account(product).apiKey}` });

describe('embedded CRM and phone system over real HTTP', () => {
  it('registers the virtual hosts the request proxy dispatches to', () => {
    expect([...harness.context.virtualHosts.keys()].sort()).toEqual(['acme.freshsales.io', 'acme.myfreshworks.com', AIRCALL_HOST]);
  });

  it('delivers call.created, call.answered and call.ended with the webhook token, redelivers them, and matches the caller in the CRM', async () => {
    const created = await http<{ webhook: { token: string; webhook_id: string } }>('POST', '/_aircall/v1/webhooks', {
      headers: { authorization: AUTH },
      body: { custom_name: 'Callbridge', url: `${receiver.url}/_fdk/external/callbridge`, events: ['call.created', 'call.answered', 'call.ended'] },
    });
    expect(created.status).toBe(201);
    const { token } = created.body.webhook;

    const simulated = await http<{ callId: number }>('POST', '/_emulator/phone/calls', {
      body: { from: '+14155550111', direction: 'inbound', answered: true, durationSeconds: 185, wait: true },
    });
    expect(simulated.status).toBe(201);
    const { callId } = simulated.body;
    expect(events().map((e) => [e.event, e.token, e.data.id])).toEqual([
      ['call.created', token, callId],
      ['call.answered', token, callId],
      ['call.ended', token, callId],
    ]);
    expect(receiver.received.every((r) => r.path === '/_fdk/external/callbridge')).toBe(true);
    const ended = events()[2]!;
    expect(ended).toMatchObject({ resource: 'call', data: { status: 'done', duration: 185, direction: 'inbound', raw_digits: '+1 415-555-0111' } });

    const redelivered = await http<{ redelivered: number }>('POST', `/_emulator/phone/calls/${callId}/redeliver`, { body: { wait: true } });
    expect(redelivered.body.redelivered).toBe(3);
    expect(events().slice(3)).toEqual(events().slice(0, 3));
    const state = await http<{ deliveries: Delivery[] }>('GET', '/_emulator/phone/state');
    expect(state.body.deliveries.map((d) => [d.event, d.state, d.status, d.attempts, d.redelivery])).toEqual([
      ['call.created', 'delivered', 200, 1, false],
      ['call.answered', 'delivered', 200, 1, false],
      ['call.ended', 'delivered', 200, 1, false],
      ['call.created', 'delivered', 200, 1, true],
      ['call.answered', 'delivered', 200, 1, true],
      ['call.ended', 'delivered', 200, 1, true],
    ]);

    // The caller's raw_digits are formatted, not E.164; the lookup still finds Ada in both products.
    const q = encodeURIComponent(String(ended.data.raw_digits));
    for (const product of ['freshworks_crm', 'freshsales'] as const) {
      const found = await http<Lookup>('GET', `/_crm/${product}/lookup?q=${q}&f=mobile_number&entities=contact,lead`, { headers: crmKey(product) });
      expect(found.status).toBe(200);
      expect(found.body.contacts?.contacts?.map((c) => c.display_name)).toEqual(['Ada Lovelace']);
    }
  });

  it('dials through the virtual host: 204 and an outbound call with its call.created', async () => {
    await http('POST', '/_aircall/v1/webhooks', { headers: { authorization: AUTH }, body: { url: `${receiver.url}/hook` } });
    const aircall = harness.context.virtualHosts.get(AIRCALL_HOST)!;
    const dialled = await aircall(
      new Request(`https://${AIRCALL_HOST}/v1/users/456001/dial`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ to: '+14155550121' }) }),
    );
    expect(dialled.status).toBe(204);
    const outbound = await http<{ calls: AircallCall[] }>('GET', '/_aircall/v1/calls/search?direction=outbound&phone_number=%2B14155550121', { headers: { authorization: AUTH } });
    expect(outbound.body.calls).toEqual([expect.objectContaining({ direction: 'outbound', status: 'initial', raw_digits: '+1 415-555-0121' })]);
    const callId = outbound.body.calls[0]!.id;
    await http('POST', `/_emulator/phone/calls/${callId}/answer`, { body: {} });
    await http('POST', `/_emulator/phone/calls/${callId}/hangup`, { body: { wait: true } });
    expect(events().map((e) => e.event)).toEqual(['call.created', 'call.answered', 'call.hungup', 'call.ended']);
    expect(events().every((e) => e.data.id === callId)).toBe(true);
  });

  it('finds a lead by phone in Freshsales only', async () => {
    const classic = harness.context.virtualHosts.get('acme.freshsales.io')!;
    const lookup = (base: string) => new Request(`${base}/lookup?q=%2B13105550501&f=mobile_number&entities=contact,lead`, { headers: crmKey(base.includes('freshsales') ? 'freshsales' : 'freshworks_crm') });
    const inClassic = (await (await classic(lookup('https://acme.freshsales.io/api'))).json()) as Lookup;
    expect(inClassic.leads?.leads?.map((l) => l.display_name)).toEqual(['Hedy Lamarr']);
    const suite = harness.context.virtualHosts.get('acme.myfreshworks.com')!;
    const inSuite = (await (await suite(lookup('https://acme.myfreshworks.com/crm/sales/api'))).json()) as Lookup;
    expect(inSuite).toEqual({ contacts: { contacts: [] } });
  });

  it('fires the CrmStore change when a contact is created through the API, by either path form', async () => {
    const changes: RecordChange[] = [];
    harness.context.store.onChange((change) => changes.push(change));
    const created = await http<{ contact: StoredRecord }>('POST', '/_crm/freshworks_crm/contacts', {
      headers: crmKey('freshworks_crm'),
      body: { contact: { first_name: 'Unknown', last_name: 'Caller', mobile_number: '+14155550199' } },
    });
    expect(created.status).toBe(200);
    expect(changes).toEqual([expect.objectContaining({ product: 'freshworks_crm', entity: 'contacts', action: 'create', record: expect.objectContaining({ id: created.body.contact.id }) as unknown })]);
    const viaFullPath = await http<{ contact: StoredRecord }>('GET', `/_crm/freshworks_crm/crm/sales/api/contacts/${created.body.contact.id}`, { headers: crmKey('freshworks_crm') });
    expect(viaFullPath.body.contact.display_name).toBe('Unknown Caller');
    expect((await http('GET', '/_crm/freshsales/contacts/101')).status).toBe(401);
  });
});
