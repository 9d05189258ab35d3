import { describe, expect, it } from 'vitest';
import { aircallCall } from '../testing';
import { readAircallCall } from './to-phone-call';

describe('readAircallCall', () => {
  it('maps states, talk time and comments', () => {
    const ringing = readAircallCall(aircallCall({ status: 'initial', answered_at: null, ended_at: null }));
    expect(ringing).toMatchObject({ state: 'ringing', answered: false, talkSeconds: 0, outcome: 'No answer' });
    expect(readAircallCall(aircallCall({ status: 'answered', ended_at: null }))).toMatchObject({ state: 'in_progress', answered: true, talkSeconds: 0 });
    expect(readAircallCall(aircallCall({ status: 'transferring' }))).toMatchObject({ state: 'in_progress' });
    const commented = readAircallCall(aircallCall({ comments: [{ content: ' Wants pricing ' }, { content: null }, { content: '' }] }));
    expect(commented?.comments).toEqual(['Wants pricing']);
  });

  it('prefers the external participant to raw_digits, and skips numbers it cannot dial', () => {
    expect(readAircallCall({ ...aircallCall({ raw_digits: 'anonymous' }), participants: [{ phone_number: '+44 20 7946 0131', type: 'external' }] })?.externalNumber).toBe('+442079460131');
    expect(readAircallCall({ ...aircallCall({ raw_digits: '+1 415-555-0111' }), participants: [{ phone_number: 'anonymous', type: 'external' }] })?.externalNumber).toBe('+14155550111');
    expect(readAircallCall(aircallCall({ raw_digits: null }))).toMatchObject({ rawNumber: '' });
  });

  it('keeps text ids and agents without a name or email', () => {
    expect(readAircallCall(aircallCall({ id: '123' as unknown as number, user: { id: 5 } }))).toMatchObject({ id: '123', agent: { id: 5 } });
  });

  it('is undefined for what is not a call', () => {
    expect(readAircallCall({ id: 1 })).toBeUndefined();
    expect(readAircallCall(aircallCall({ started_at: 1e308 }))).toBeUndefined();
    expect(readAircallCall(null)).toBeUndefined();
  });
});
