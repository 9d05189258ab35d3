import type { LiveCall } from '@callbridge/contracts';
import { describe, expect, it } from 'vitest';
import { followLiveCall, type ActiveCall } from './active-call';

const NOW = Date.parse('2026-11-05T10:01:00Z');
const live = (overrides: Partial<LiveCall> = {}): LiveCall => ({ callId: '812', phone: '+14155550123', direction: 'inbound', state: 'ringing', startedAt: '2026-11-05T10:00:00.000Z', ...overrides });
const onScreen = (overrides: Partial<ActiveCall> = {}): ActiveCall => ({ callId: '812', phone: '+14155550123', direction: 'inbound', startedAt: Date.parse('2026-11-05T10:00:00Z'), lookup: { status: 'loading' }, ...overrides });

describe('followLiveCall', () => {
  it('rings for a call it has not seen, once', () => {
    expect(followLiveCall(live({ state: 'answered' }), undefined, '811', NOW)).toEqual({
      next: { kind: 'ring', phone: '+14155550123', direction: 'inbound', callId: '812', answered: true, startedAt: Date.parse('2026-11-05T10:00:00Z') },
      seen: '812',
    });
    expect(followLiveCall(live(), undefined, '812', NOW)).toEqual({ next: { kind: 'same' }, seen: '812' });
    expect(followLiveCall(live({ startedAt: 'soon' }), undefined, undefined, NOW).next).not.toHaveProperty('startedAt');
  });

  it('takes the call the rep dialled as the phone system’s, and tells the server', () => {
    const dialled = onScreen({ callId: undefined, direction: 'outbound' });
    expect(followLiveCall(live({ direction: 'outbound' }), dialled, undefined, NOW)).toEqual({ next: { kind: 'update', call: { ...dialled, callId: '812' }, hold: true }, seen: '812' });
  });

  it('marks the call on screen answered, without telling the server again', () => {
    expect(followLiveCall(live({ state: 'answered' }), onScreen(), '812', NOW)).toEqual({ next: { kind: 'update', call: onScreen({ answered: true }), hold: false }, seen: '812' });
    expect(followLiveCall(live({ state: 'answered' }), onScreen({ answered: true }), '812', NOW).next).toEqual({ kind: 'same' });
  });

  it('ends the call on screen with the talk time and outcome, once; an ended call it never showed changes nothing', () => {
    expect(followLiveCall(live({ state: 'ended', durationSeconds: 0 }), onScreen(), '812', NOW).next).toEqual({ kind: 'ended', call: onScreen({ durationSeconds: 0, outcome: 'No answer' }) });
    expect(followLiveCall(live({ state: 'ended' }), onScreen({ answered: true }), '812', NOW).next).toEqual({ kind: 'ended', call: onScreen({ answered: true, durationSeconds: 60, outcome: 'Connected' }) });
    expect(followLiveCall(live({ state: 'ended', durationSeconds: 30 }), onScreen({ durationSeconds: 50 }), '812', NOW).next).toEqual({ kind: 'same' });
    expect(followLiveCall(live({ state: 'ended' }), undefined, undefined, NOW)).toEqual({ next: { kind: 'same' }, seen: '812' });
  });
});
