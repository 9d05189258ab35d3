import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../types';
import { crmFixture, read, type CrmErrorBody } from './spec-helpers';

type Lookup = Partial<Record<'contacts' | 'leads' | 'sales_accounts' | 'deals', Record<string, StoredRecord[]>>>;

const ids = (body: Lookup, entity: keyof Lookup) => body[entity]?.[entity]?.map((r) => r.id);

describe('GET /lookup', () => {
  it('finds a contact by mobile number in E.164, formatted, or with the + decoded to a space', async () => {
    const crm = crmFixture('freshworks_crm');
    for (const q of ['%2B14155550111', '%2B1%20415-555-0111', '+14155550111']) {
      const body = await read<Lookup>(await crm.call('GET', `/lookup?q=${q}&f=mobile_number&entities=contact`));
      expect(ids(body, 'contacts')).toEqual([101]);
    }
    const work = await read<Lookup>(await crm.call('GET', '/lookup?q=%2B442079460141&f=work_number&entities=contact'));
    expect(ids(work, 'contacts')).toEqual([104]);
  });

  it('answers doubly nested empty blocks when nothing matches; a national number does not match E.164', async () => {
    const crm = crmFixture('freshworks_crm');
    const response = await crm.call('GET', '/lookup?q=(415)%20555-0111&f=mobile_number&entities=contact,sales_account');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ contacts: { contacts: [] }, sales_accounts: { sales_accounts: [] } });
  });

  it('finds leads in Freshsales only; Freshworks CRM leaves the lead block out', async () => {
    const classic = await read<Lookup>(await crmFixture('freshsales').call('GET', '/lookup?q=%2B13105550501&f=mobile_number&entities=contact,lead'));
    expect(ids(classic, 'leads')).toEqual([501]);
    expect(ids(classic, 'contacts')).toEqual([]);
    const suite = await read<Lookup>(await crmFixture('freshworks_crm').call('GET', '/lookup?q=%2B13105550501&f=mobile_number&entities=contact,lead'));
    expect(suite).toEqual({ contacts: { contacts: [] } });
  });

  it('matches email case-insensitively, names, and custom fields; every entity by default', async () => {
    const crm = crmFixture('freshsales');
    expect(ids(await read<Lookup>(await crm.call('GET', '/lookup?q=GRACE@globex.example&f=email&entities=contact')), 'contacts')).toEqual([102]);
    crm.store.update('freshsales', 'contacts', 103, { emails: [{ value: 'alan@bletchley.example' }], custom_field: { cf_badge: 42 } });
    expect(ids(await read<Lookup>(await crm.call('GET', '/lookup?q=alan@bletchley.example&f=email&entities=contact')), 'contacts')).toEqual([103]);
    expect(ids(await read<Lookup>(await crm.call('GET', '/lookup?q=42&f=cf_badge&entities=contact')), 'contacts')).toEqual([103]);
    const byName = await read<Lookup>(await crm.call('GET', '/lookup?q=initech&f=name'));
    expect(Object.keys(byName).sort()).toEqual(['contacts', 'deals', 'leads', 'sales_accounts']);
    expect(ids(byName, 'sales_accounts')).toEqual([302]);
    expect(ids(await read<Lookup>(await crm.call('GET', '/lookup?q=ada%20lovelace&f=name&entities=contact')), 'contacts')).toEqual([101]);
  });

  it('compares the stored string literally when configured to, as the real API does', async () => {
    const crm = crmFixture('freshworks_crm', { phoneMatch: 'literal' });
    expect(ids(await read<Lookup>(await crm.call('GET', '/lookup?q=%2B14155550111&f=mobile_number&entities=contact')), 'contacts')).toEqual([101]);
    expect(ids(await read<Lookup>(await crm.call('GET', '/lookup?q=+14155550111&f=mobile_number&entities=contact')), 'contacts')).toEqual([]);
  });

  it('answers 400 without q or a valid f, or for unknown entities', async () => {
    const crm = crmFixture('freshworks_crm');
    for (const query of ['f=email', 'q=x', 'q=x&f=phone', 'q=x&f=email&entities=contact,widget']) {
      const response = await crm.call('GET', `/lookup?${query}`);
      expect(response.status).toBe(400);
      expect((await read<CrmErrorBody>(response)).errors.code).toBe(400);
    }
  });
});
