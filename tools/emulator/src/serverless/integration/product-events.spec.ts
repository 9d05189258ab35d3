import { parsePayload, type EventName, type ProductName } from '@callbridge/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Entity } from '../../crm/types';
import { copyServerlessFixture, jsonAfter, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

let harness: ServerlessHarness;
let remove: () => Promise<void>;

beforeEach(async () => {
  const fixture = await copyServerlessFixture('serverless-omni');
  remove = fixture.remove;
  harness = await startServerless({ appDir: fixture.dir });
  for (const product of ['freshworks_crm', 'freshsales']) {
    expect((await harness.post('/_emulator/install', { product, iparams: { subdomain: 'acme', api_key: 'sekret' } })).body).toEqual({ ok: true });
  }
});
afterEach(async () => {
  await harness.close();
  await remove();
});

const wrapped = z.object({ label: z.string(), type: z.string(), value: z.unknown() });

/** The envelope every product event has, per the platform's samples. */
function envelope(product: ProductName, event: string) {
  return z.object({
    account_id: z.string(),
    domain: z.string().regex(/^[a-z.]+$/),
    event: z.literal(event),
    region: z.enum(['US', 'EU', 'EUC', 'AUS', 'IND']),
    timestamp: z.number().refine((t) => Math.abs(t - Date.now() / 1000) < 60, 'seconds, now'),
    productContext: z.object({ url: z.url(), name: z.literal(product) }),
    iparams: z.object({ subdomain: z.literal('acme'), api_key: z.literal('sekret') }),
    data: z.looseObject({ actor: z.looseObject({ id: z.number(), type: z.literal('user') }), associations: z.record(z.string(), z.unknown()) }),
  });
}

const SINGULAR: Record<string, string> = { contacts: 'contact', leads: 'lead', deals: 'deal', sales_accounts: 'sales_account', phone_calls: 'phone_call' };
const PREFIX: Record<string, string> = { contacts: 'Contact', leads: 'Lead', deals: 'Deal', sales_accounts: 'SalesAccount', phone_calls: 'PhoneCall' };
const FIELDS: Record<string, Record<string, unknown>> = {
  contacts: { first_name: 'Mary', last_name: 'Jackson', email: 'mary@example.com', mobile_number: '+15550100', sales_account_id: 301 },
  leads: { first_name: 'Hedy', last_name: 'Lamarr', email: 'hedy@example.org' },
  deals: { name: 'Big deal', amount: 1000, sales_account_id: 301, contact_ids: [101] },
  sales_accounts: { name: 'Acme', website: 'acme.example' },
  phone_calls: { call_duration: 30, call_direction: true, targetable_type: 'Contact', targetable_id: 101, outcome: 'Connected', user_id: 1002 },
};
const CHANGED: Record<string, Record<string, unknown>> = {
  contacts: { job_title: 'Engineer' },
  leads: { job_title: 'CEO' },
  deals: { amount: 2000 },
  sales_accounts: { website: 'acme.test' },
  phone_calls: { call_duration: 45 },
};

async function eventsFor(product: ProductName, event: string, count: number): Promise<Record<string, unknown>[]> {
  const marker = `[${product} ${event}] EVENT`;
  const deadline = Date.now() + 5_000;
  for (;;) {
    const lines = harness.logs.filter((line) => line.startsWith(marker));
    if (lines.length >= count) return lines.map((line) => jsonAfter(line, 'EVENT'));
    if (Date.now() > deadline) throw new Error(`expected ${count} ${event} in ${product}; logs:\n${harness.logs.join('\n')}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('product events', () => {
  const cases: [ProductName, Entity][] = [
    ['freshworks_crm', 'contacts'],
    ['freshworks_crm', 'deals'],
    ['freshworks_crm', 'sales_accounts'],
    ['freshworks_crm', 'phone_calls'],
    ['freshsales', 'contacts'],
    ['freshsales', 'leads'],
    ['freshsales', 'deals'],
    ['freshsales', 'sales_accounts'],
    ['freshsales', 'phone_calls'],
  ];

  it.each(cases)('%s %s: create, update and delete reach the handler with payloads shaped like the platform samples', async (product, entity) => {
    const { store } = harness.context;
    const created = store.create(product, entity, FIELDS[entity]!, 1001);
    store.update(product, entity, created.id, CHANGED[entity]!, 1002);
    store.delete(product, entity, created.id);

    const prefix = PREFIX[entity]!;
    const singular = SINGULAR[entity]!;
    const [create] = await eventsFor(product, `on${prefix}Create`, 1);
    const updateEvent = entity === 'leads' ? 'onLeadUpdate' : `on${prefix}Update`;
    const updates = await eventsFor(product, updateEvent, entity === 'leads' ? 1 : 2);
    const deletion = entity === 'leads' ? (await eventsFor(product, 'onLeadDelete', 1))[0]! : updates[1]!;

    envelope(product, `on${prefix}Create`).parse(create);
    envelope(product, updateEvent).parse(updates[0]);
    // libs/core's schemas of the platform's payloads are what Callbridge's own handlers parse with.
    for (const payload of [create!, ...updates, deletion]) {
      const parsed = parsePayload(payload.event as EventName, payload);
      expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
    }
    const flat = product === 'freshsales' || entity === 'phone_calls';
    const record = (payload: Record<string, unknown>) => (payload.data as Record<string, Record<string, unknown>>)[singular]!;

    expect(record(create!).id).toBe(created.id);
    const firstField = Object.keys(FIELDS[entity]!)[0]!;
    if (flat) expect(record(create!)[firstField]).toEqual(FIELDS[entity]![firstField]);
    else expect(wrapped.parse(record(create!)[firstField]).value).toEqual(FIELDS[entity]![firstField]);
    if (product === 'freshsales' && entity !== 'phone_calls') expect((create!.data as { users: unknown[] }).users).toHaveLength(1);
    expect(create!.data).not.toHaveProperty('changes');

    const [field, value] = Object.entries(CHANGED[entity]!)[0]!;
    const update = updates[0]!;
    expect((update.data as { changes: { model_changes: Record<string, unknown> } }).changes.model_changes[field]).toEqual([FIELDS[entity]![field] ?? null, value]);
    expect((update.data as { actor: { id: number } }).actor.id).toBe(1002);
    expect(record(deletion).is_deleted).toBe(true);
    expect((deletion.data as { changes: { model_changes: Record<string, unknown> } }).changes.model_changes.is_deleted).toEqual([false, true]);
  });

  it('fires nothing for a product the app is not installed in, and nothing for notes', async () => {
    await harness.post('/_emulator/uninstall', { product: 'freshworks_crm' });
    harness.context.store.create('freshworks_crm', 'contacts', { first_name: 'Nobody' });
    harness.context.store.create('freshsales', 'notes', { description: 'no event for notes' });
    harness.context.store.create('freshsales', 'contacts', { first_name: 'Somebody' });
    await eventsFor('freshsales', 'onContactCreate', 1);
    expect(harness.logs.filter((line) => line.includes('[freshworks_crm onContactCreate]'))).toEqual([]);
    expect(harness.logs.filter((line) => line.includes('EVENT') && line.includes('notes'))).toEqual([]);
  });

  it('links associations from the store: a deal names its account and contacts', async () => {
    harness.context.store.create('freshworks_crm', 'deals', FIELDS.deals!);
    const [deal] = await eventsFor('freshworks_crm', 'onDealCreate', 1);
    const associations = (deal!.data as { associations: Record<string, unknown> }).associations;
    expect(associations.sales_account).toMatchObject({ id: 301, name: 'Globex Corporation' });
    expect(associations.contacts).toEqual([expect.objectContaining({ id: 101 }) as unknown]);
    expect(associations.owner).toBeNull();
  });
});
