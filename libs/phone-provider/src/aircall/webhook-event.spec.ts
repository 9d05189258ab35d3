import { describe, expect, it } from 'vitest';
import { aircallCall, aircallEvent, missedAircallCall } from '../testing';
import { readAircallEvent } from './webhook-event';

describe('readAircallEvent', () => {
  it('reads a call event with the right token', () => {
    const result = readAircallEvent(aircallEvent('call.ended', aircallCall(), 'tok'), 'tok');
    expect(result).toEqual({
      ok: true,
      event: {
        kind: 'call',
        name: 'call.ended',
        call: {
          id: '4711',
          direction: 'inbound',
          state: 'ended',
          startedAtSeconds: 1_795_000_000,
          startedAt: new Date(1_795_000_000_000).toISOString(),
          answered: true,
          talkSeconds: 185,
          externalNumber: '+14155550111',
          rawNumber: '+1 415-555-0111',
          outcome: 'Connected',
          comments: [],
          agent: { id: 456001, name: 'Riya Rep', email: 'riya@acme.example' },
        },
      },
    });
  });

  it('accepts the body as JSON text', () => {
    expect(readAircallEvent(JSON.stringify(aircallEvent('call.created', aircallCall(), 'tok')), 'tok')).toMatchObject({ ok: true, event: { name: 'call.created' } });
  });

  it('refuses a wrong or missing token before reading the call', () => {
    expect(readAircallEvent(aircallEvent('call.ended', aircallCall(), 'other'), 'tok')).toMatchObject({ ok: false, reason: 'unverified' });
    expect(readAircallEvent({ ...aircallEvent('call.ended', aircallCall(), 'tok'), token: '' }, 'tok')).toMatchObject({ ok: false, reason: 'unverified' });
    expect(readAircallEvent(aircallEvent('call.ended', aircallCall(), ''), '')).toMatchObject({ ok: false, reason: 'unverified' });
  });

  it('says when a body is not an Aircall event', () => {
    for (const body of [undefined, null, 'not json', '<xml/>', 42, [], { event: 'call.ended' }, { resource: 'call', event: 'call.ended', data: {} }]) {
      expect(readAircallEvent(body, 'tok')).toMatchObject({ ok: false, reason: 'malformed' });
    }
    expect(readAircallEvent({ resource: 'call', event: 'call.ended', token: 'tok', data: { id: 'x' } }, 'tok')).toEqual({
      ok: false,
      reason: 'malformed',
      message: 'The call.ended event carries no call Callbridge can read',
    });
  });

  it('passes other resources on as other events', () => {
    expect(readAircallEvent({ resource: 'user', event: 'user.opened', token: 'tok', data: {} }, 'tok')).toEqual({ ok: true, event: { kind: 'other', name: 'user.opened' } });
  });

  it('reads a missed call with a voicemail and an anonymous caller', () => {
    const result = readAircallEvent(aircallEvent('call.ended', missedAircallCall({ voicemail: 'https://v', raw_digits: 'anonymous', user: null }), 'tok'), 'tok');
    expect(result).toMatchObject({ ok: true, event: { call: { answered: false, talkSeconds: 0, outcome: 'Left voicemail', rawNumber: 'anonymous' } } });
    expect(result.ok && result.event.kind === 'call' && result.event.call).not.toHaveProperty('externalNumber');
    expect(result.ok && result.event.kind === 'call' && result.event.call).not.toHaveProperty('agent');
  });
});
