import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../types';
import { crmFixture, read, type CrmErrorBody, type RecordList } from './spec-helpers';

type CallBody = { phone_call: StoredRecord; notes: StoredRecord[]; users: { id: number }[]; outcomes: { id: number; name: string }[]; phone_numbers: unknown[] };

const logCall = { call_direction: true, targetable_type: 'Contact', targetable: { id: 101 }, note: { description: 'Asked for a quote' }, number: '+14155550111', call_duration: 184, outcome_id: 806, source: 'Callbridge' };

describe('POST /phone_calls', () => {
  it('logs a call against a contact, with its note as a note record, and answers the side-loaded envelope', async () => {
    const crm = crmFixture('freshworks_crm');
    const response = await crm.call('POST', '/phone_calls', { body: { phone_call: logCall } });
    expect(response.status).toBe(200);
    const body = await read<CallBody>(response);
    expect(body.phone_call).toMatchObject({
      call_direction: true,
      targetable_type: 'Contact',
      targetable_id: 101,
      call_duration: 184,
      outcome_id: 806,
      outcome: 'Interested',
      note: { description: 'Asked for a quote' },
      number: '+14155550111',
      user_id: 1001,
      is_manual: true,
    });
    expect(body.notes).toEqual([expect.objectContaining({ id: body.phone_call.note_id, description: 'Asked for a quote', targetable_type: 'Contact', targetable_id: 101 })]);
    expect(body.outcomes).toEqual([{ id: 806, name: 'Interested', position: 6 }]);
    expect(body.users.map((u) => u.id)).toEqual([1001]);
    expect(crm.changes.map((c) => `${c.entity}:${c.action}`)).toEqual(['notes:create', 'phone_calls:create']);
  });

  it('takes targetable_id and lower-case types, leads in Freshsales, and no note', async () => {
    const crm = crmFixture('freshsales');
    const body = await read<CallBody>(await crm.call('POST', '/phone_calls', { body: { phone_call: { call_direction: false, targetable_type: 'lead', targetable_id: '501', user_id: 1002 } } }));
    expect(body.phone_call).toMatchObject({ targetable_type: 'Lead', targetable_id: 501, call_direction: false, note_id: null, note: null, user_id: 1002, outcome: null });
    expect(body.notes).toEqual([]);
    const onDeal = await crm.call('POST', '/phone_calls', { body: { call_direction: true, targetable_type: 'Deal', targetable_id: 401 } });
    expect((await read<CallBody>(onDeal)).phone_call.targetable_type).toBe('Deal');
  });

  it('takes the CTI form body with bracket keys on /cti_phone_calls', async () => {
    const crm = crmFixture('freshworks_crm');
    const form = new FormData();
    form.set('phone_call[call_direction]', 'false');
    form.set('phone_call[targetable_type]', 'Contact');
    form.set('phone_call[targetable][id]', '102');
    form.set('phone_call[note][description]', 'Left a voicemail');
    form.set('phone_call[call_duration]', '31');
    const body = await read<CallBody>(await crm.call('POST', '/cti_phone_calls', { form }));
    expect(body.phone_call).toMatchObject({ call_direction: false, targetable_id: 102, call_duration: 31, is_manual: false, note: { description: 'Left a voicemail' } });
  });

  it('answers 400 for a direction that is not a boolean, a note that is a string, or wrong types', async () => {
    const crm = crmFixture('freshworks_crm');
    const worded = await crm.call('POST', '/phone_calls', { body: { phone_call: { ...logCall, call_direction: 'incoming' } } });
    expect(worded.status).toBe(400);
    expect((await read<CrmErrorBody>(worded)).errors.message[0]).toContain('true for an incoming call');
    expect((await crm.call('POST', '/phone_calls', { body: { phone_call: { ...logCall, note: 'hello' } } })).status).toBe(400);
    expect((await crm.call('POST', '/phone_calls', { body: { phone_call: { ...logCall, call_duration: -1 } } })).status).toBe(400);
    expect((await crm.call('POST', '/phone_calls', { body: 'nope' })).status).toBe(400);
    expect(crm.changes).toEqual([]);
  });

  it('answers 422 for a missing direction, leads in Freshworks CRM, missing targets, unknown users and outcomes', async () => {
    const crm = crmFixture('freshworks_crm');
    const cases: [Record<string, unknown>, string][] = [
      [{ targetable_type: 'Contact', targetable_id: 101 }, 'call_direction must be a boolean'],
      [{ call_direction: true, targetable_type: 'Lead', targetable_id: 501 }, 'targetable_type must be Contact, SalesAccount or Deal'],
      [{ call_direction: true, targetable_type: 'Contact' }, 'targetable_id (or targetable.id) is required.'],
      [{ call_direction: true, targetable_type: 'Contact', targetable_id: 999 }, 'Contact 999 does not exist.'],
      [{ call_direction: true, targetable_type: 'Contact', targetable_id: 101, user_id: 5 }, 'User 5 is not a user of this account.'],
      [{ call_direction: true, targetable_type: 'Contact', targetable_id: 101, outcome_id: 1 }, 'Outcome 1 does not exist'],
    ];
    for (const [phone_call, message] of cases) {
      const response = await crm.call('POST', '/phone_calls', { body: { phone_call } });
      expect(response.status).toBe(422);
      expect((await read<CrmErrorBody>(response)).errors.message.join(' ')).toContain(message);
    }
    const classic = crmFixture('freshsales');
    const noType = await classic.call('POST', '/phone_calls', { body: { phone_call: { call_direction: true, targetable_id: 101 } } });
    expect((await read<CrmErrorBody>(noType)).errors.message[0]).toContain('Contact, Lead, SalesAccount or Deal, not null');
  });
});

describe('GET /phone_calls', () => {
  it('lists a targetable\'s calls newest first with meta, and reads one call', async () => {
    const crm = crmFixture('freshworks_crm');
    crm.advance(60_000);
    const logged = await read<CallBody>(await crm.call('POST', '/phone_calls', { body: { phone_call: logCall } }));
    const list = await read<RecordList<'phone_calls'>>(await crm.call('GET', '/phone_calls?targetable_type=contact&targetable_id=101'));
    expect(list.phone_calls.map((c) => c.id)).toEqual([logged.phone_call.id, 602, 601]);
    expect(list.meta).toEqual({ total: 3, total_pages: 1 });
    const all = await read<RecordList<'phone_calls'>>(await crm.call('GET', '/phone_calls?per_page=2'));
    expect(all.meta).toEqual({ total: 5, total_pages: 3 });
    const one = await read<CallBody>(await crm.call('GET', `/phone_calls/${logged.phone_call.id}`));
    expect(one.notes).toHaveLength(1);
    expect((await crm.call('GET', '/phone_calls/123')).status).toBe(404);
    expect((await crm.call('GET', '/phone_calls/x')).status).toBe(404);
    expect((await crm.call('GET', '/phone_calls?targetable_type=Ticket')).status).toBe(400);
  });
});
