import { describe, expect, it } from 'vitest';
import { companyLine, externalParty, simulateCall, simulateSchema } from './simulate';
import { aircallFixture } from './spec-helpers';

const input = (fields: Record<string, unknown>) => simulateSchema.parse(fields);
const failure = (result: ReturnType<typeof simulateCall>) => (result.ok ? 'succeeded' : result.message);

describe('simulateCall', () => {
  it('plays a finished, answered inbound call that ended now', () => {
    const { system } = aircallFixture();
    const now = system.nowSeconds();
    const result = simulateCall(system, input({ from: '+442079460131', durationSeconds: 185 }));
    expect(result.ok && result.value).toMatchObject({
      direction: 'inbound',
      status: 'done',
      started_at: now - 185,
      answered_at: now - 180,
      ended_at: now,
      duration: 185,
      raw_digits: '+44 20 7946 0131',
      user: { id: 456001 },
      number: { id: 789001 },
      missed_call_reason: null,
    });
  });

  it('plays a missed inbound call and an unanswered outbound one', () => {
    const { system } = aircallFixture();
    const missed = simulateCall(system, input({ from: 'anonymous', answered: false, durationSeconds: 20 }));
    expect(missed.ok && missed.value).toMatchObject({ status: 'done', answered_at: null, user: null, missed_call_reason: 'agents_did_not_answer', raw_digits: 'anonymous' });
    const outbound = simulateCall(system, input({ direction: 'outbound', to: '+14155550121', from: '+44 20 7946 0000', answered: false, userId: 456002 }));
    expect(outbound.ok && outbound.value).toMatchObject({ direction: 'outbound', answered_at: null, missed_call_reason: null, user: { id: 456002 }, number: { id: 789002 } });
  });

  it('leaves a live call ringing', () => {
    const { system } = aircallFixture();
    const live = simulateCall(system, input({ from: '+14155550111', live: true }));
    expect(live.ok && live.value).toMatchObject({ status: 'initial', ended_at: null });
  });

  it('refuses unknown users and lines, bad numbers, and an outbound call without a number', () => {
    const { system } = aircallFixture();
    expect(failure(simulateCall(system, input({ from: '+14155550111', userId: 1 })))).toContain('not an Aircall user');
    expect(failure(simulateCall(system, input({ from: '12' })))).toContain('not a phone number');
    expect(failure(simulateCall(system, input({ direction: 'outbound' })))).toContain('needs `to`');
    expect(failure(simulateCall(system, input({ from: '+14155550111', to: '+15555550000' })))).toContain("company's Aircall numbers");
  });

  it('resolves parties and lines', () => {
    const { system } = aircallFixture();
    expect(externalParty(' ')).toEqual({ ok: true, value: null });
    expect(companyLine(system, undefined, undefined)).toMatchObject({ ok: true, value: { id: 789001 } });
    expect(companyLine(system, '+1 415-555-0100', undefined)).toMatchObject({ ok: true, value: { id: 789001 } });
  });
});
