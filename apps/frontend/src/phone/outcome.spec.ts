import { describe, expect, it } from 'vitest';
import { suggestedOutcome } from './outcome';

describe('suggestedOutcome', () => {
  it("takes the phone system's own outcome first", () => {
    expect(suggestedOutcome({ direction: 'outbound', talkSeconds: 0, outcome: 'Left voicemail' })).toBe('Left voicemail');
    expect(suggestedOutcome({ direction: 'inbound', talkSeconds: 40, outcome: 'Wrong number' })).toBe('Wrong number');
  });

  it('is Connected for a call someone answered: talk time, or an answer seen while it was on screen', () => {
    expect(suggestedOutcome({ direction: 'inbound', talkSeconds: 95 })).toBe('Connected');
    expect(suggestedOutcome({ direction: 'outbound', talkSeconds: 1 })).toBe('Connected');
    expect(suggestedOutcome({ direction: 'outbound', answered: true })).toBe('Connected');
  });

  it('is No answer for an incoming call nobody answered', () => {
    expect(suggestedOutcome({ direction: 'inbound', talkSeconds: 0 })).toBe('No answer');
  });

  it('leaves the choice to the rep when the app cannot tell', () => {
    // Nobody answered an outgoing call: busy, voicemail or no answer.
    expect(suggestedOutcome({ direction: 'outbound', talkSeconds: 0 })).toBeUndefined();
    // Ended by hand, without a word from the phone system.
    expect(suggestedOutcome({ direction: 'inbound' })).toBeUndefined();
    expect(suggestedOutcome({ direction: 'outbound' })).toBeUndefined();
  });
});
