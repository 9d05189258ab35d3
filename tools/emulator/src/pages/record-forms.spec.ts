import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/app-dir';
import { pagesHarness, type PagesHarness } from '../../test/support/pages-context';
import type { RecordChange } from '../crm/types';

let harness: PagesHarness;
const changes: RecordChange[] = [];
beforeAll(async () => {
  harness = await pagesHarness({ appDir: `${FIXTURES}every-method` });
  harness.context.store.onChange((change) => changes.push(change));
});
afterAll(() => harness.close());

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields) });

describe('record forms', () => {
  it('updates a record from its page, so the change reaches apps and events', async () => {
    const response = await harness.fetch('/freshworks_crm/contacts/102', form({ job_title: 'Rear admiral', work_number: '', unknown: 'x' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/freshworks_crm/contacts/102');
    expect(changes.at(-1)).toMatchObject({ action: 'update', changes: { job_title: [null, 'Rear admiral'] } });
    expect(harness.context.store.get('freshworks_crm', 'contacts', 102)).not.toHaveProperty('unknown');
    await harness.fetch('/freshworks_crm/deals/401', form({ amount: '50000' }));
    expect(harness.context.store.get('freshworks_crm', 'deals', 401)?.amount).toBe(50000);
  });

  it('creates records from the create forms and shows the new record', async () => {
    const response = await harness.fetch('/freshsales/contacts', form({ first_name: 'Mary', last_name: 'Jackson', email: '' }));
    expect(response.status).toBe(303);
    const id = Number(response.headers.get('location')!.split('/').pop());
    expect(harness.context.store.get('freshsales', 'contacts', id)).toMatchObject({ display_name: 'Mary Jackson' });
    const deal = await harness.fetch('/freshsales/deals', form({ name: 'Big one', amount: '10' }));
    expect(harness.context.store.get('freshsales', 'deals', Number(deal.headers.get('location')!.split('/').pop()))?.amount).toBe(10);
  });

  it('logs calls against the record it came from', async () => {
    const response = await harness.fetch('/freshworks_crm/phone_calls', form({ note: 'Left a message', targetable_type: 'Contact', targetable_id: '101', return_to: '/freshworks_crm/contacts/101' }));
    expect(response.headers.get('location')).toBe('/freshworks_crm/contacts/101');
    expect(changes.at(-1)?.record).toMatchObject({ targetable_id: 101, note: { description: 'Left a message' } });
    const elsewhere = await harness.fetch('/freshworks_crm/phone_calls', form({ note: 'x', return_to: 'https://evil.example' }));
    expect(elsewhere.headers.get('location')).toBe('/freshworks_crm');
  });

  it('refuses missing records, leads outside Freshsales and bodies that are not forms', async () => {
    expect((await harness.fetch('/freshworks_crm/contacts/999', form({}))).status).toBe(404);
    expect((await harness.fetch('/freshworks_crm/leads/501', form({}))).status).toBe(404);
    expect((await harness.fetch('/freshworks_crm/leads', form({ first_name: 'X' }))).status).toBe(404);
    const json = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
    expect((await harness.fetch('/freshworks_crm/contacts/101', json)).status).toBe(400);
    expect((await harness.fetch('/freshworks_crm/contacts', json)).status).toBe(400);
  });
});
