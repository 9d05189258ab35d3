import { describe, expect, it } from 'vitest';
import { initials, phoneNumbers, recordName } from './records';

const record = (fields: Record<string, unknown>) => ({ id: 7, created_at: '', updated_at: '', ...fields });

describe('records', () => {
  it('names records by display name, name, first and last name, or id', () => {
    expect(recordName(record({ display_name: 'Ada Lovelace', name: 'x' }))).toBe('Ada Lovelace');
    expect(recordName(record({ name: 'Globex' }))).toBe('Globex');
    expect(recordName(record({ first_name: 'Grace', last_name: null }))).toBe('Grace');
    expect(recordName(record({}))).toBe('#7');
  });

  it('makes initials and finds phone numbers', () => {
    expect(initials('ada  lovelace byron')).toBe('AL');
    expect(initials('')).toBe('?');
    expect(phoneNumbers(record({ mobile_number: '+1', work_number: null, phone: '', other: '+2' }))).toEqual(['+1']);
  });
});
