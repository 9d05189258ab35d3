import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EventName } from '../../platform/events';
import { domainHost, eventTime } from './envelope';
import { fieldValue } from './fields';
import { parsePayload } from './parse';
import { changesOf, hasChanged, recordName, recordOf, recordPhones } from './record-access';
import type { EventPayload } from './schemas';

const folder = new URL('../../../payloads/', import.meta.url);

function sample<E extends EventName>(file: string, event: E): EventPayload<E> {
  const parsed = parsePayload(event, JSON.parse(readFileSync(new URL(file, folder), 'utf8')));
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

describe('recordOf', () => {
  it('types the record by event', () => {
    const deal = recordOf(sample('freshworks_crm/onDealUpdate.json', 'onDealUpdate'));
    expectTypeOf(deal.id).toEqualTypeOf<number>();
    expectTypeOf(deal.name).toEqualTypeOf<string>();
    expect(deal).toMatchObject({ id: 1640, name: 'sd', contact_ids: [] });
  });
});

describe('changesOf', () => {
  it('reads Freshworks CRM model_changes', () => {
    const changes = changesOf(sample('freshworks_crm/onContactUpdate.json', 'onContactUpdate'));
    expect(changes.first_name).toEqual(['Firstname', 'FirstnameUpdate']);
  });

  it('reads Freshsales Classic changes on the record', () => {
    const changes = changesOf(sample('freshsales/onContactUpdate.json', 'onContactUpdate'));
    expect(changes.mobile_number).toEqual(['3333333333', '3333333332']);
    expect(changes.work_number).toEqual(['2222222222', '2222222221']);
  });

  it('flattens custom field changes and leaves other groups out', () => {
    const changes = changesOf(sample('freshworks_crm/onCustomModuleUpdate.json', 'onCustomModuleUpdate'));
    expect(changes['custom_fields.cf_height']).toEqual([5.1, 5.11]);
    const appointment = changesOf(sample('freshsales/onAppointmentUpdate.json', 'onAppointmentUpdate'));
    expect(appointment).not.toHaveProperty('appointment_attendees');
    expect(appointment.title).toEqual(['Sample appointment', 'Sample appointment check']);
  });

  it('is empty for create events and events that are not about records', () => {
    expect(changesOf(sample('freshworks_crm/onContactCreate.json', 'onContactCreate'))).toEqual({});
    expect(changesOf(sample('freshsales/onScheduledEvent.json', 'onScheduledEvent'))).toEqual({});
  });

  it('tells whether phone numbers changed', () => {
    expect(hasChanged(sample('freshsales/onContactUpdate.json', 'onContactUpdate'), 'mobile_number', 'work_number')).toBe(true);
    expect(hasChanged(sample('freshworks_crm/onContactUpdate.json', 'onContactUpdate'), 'mobile_number', 'work_number')).toBe(false);
  });
});

describe('record helpers', () => {
  it('lists phone numbers without blanks or repeats', () => {
    expect(recordPhones({ mobile_number: ' +44 20 1 ', work_number: '+44 20 1', phone: '' })).toEqual(['+44 20 1']);
    expect(recordPhones({ mobile_number: null })).toEqual([]);
  });

  it('names a record as a rep sees it', () => {
    expect(recordName({ display_name: 'Jane Sampleton', first_name: 'J' })).toBe('Jane Sampleton');
    expect(recordName({ name: 'test11 test', display_name: ' ' })).toBe('test11 test');
    expect(recordName({ first_name: 'Ada', last_name: null })).toBe('Ada');
    expect(recordName({ first_name: null, last_name: null })).toBeUndefined();
  });

  it('unwraps fields only when they are wrapped', () => {
    expect(fieldValue({ label: 'Work', type: 'phone_number', value: '1' })).toBe('1');
    expect(fieldValue({ value: '1' })).toEqual({ value: '1' });
    expect(fieldValue(null)).toBeNull();
  });
});

describe('envelope helpers', () => {
  it('reads timestamps in seconds and in milliseconds', () => {
    expect(eventTime({ timestamp: 1593015490.2012472 }).toISOString()).toBe('2020-06-24T16:18:10.201Z');
    expect(eventTime({ timestamp: 1496400354326 }).toISOString()).toBe('2017-06-02T10:45:54.326Z');
  });

  it('reads the host from a bare or full domain', () => {
    expect(domainHost({ domain: 'https://Sample.freshsales.io/' })).toBe('sample.freshsales.io');
    expect(domainHost({ domain: 'sample.myfreshworks.com' })).toBe('sample.myfreshworks.com');
  });
});
