import type { CALL_OUTCOMES } from '@callbridge/contracts';

export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** What the app knows about a call that ended. */
export interface EndedCall {
  direction: 'inbound' | 'outbound';
  /** Talk time as the phone system reported it (0: nobody answered); unknown when the rep ended the call by hand. */
  talkSeconds?: number;
  /** The phone system's own word on how it went. */
  outcome?: CallOutcome;
  /** The phone system said the call was answered while it was on screen. */
  answered?: boolean;
}

/**
 * The outcome the log form starts with: the phone system's, else Connected for a call someone answered (talk time,
 * or an answer seen while it rang), else No answer for an incoming call nobody answered. Nothing when the app cannot
 * tell (an outgoing call nobody answered may have been busy or gone to voicemail): the rep chooses.
 */
export function suggestedOutcome({ direction, talkSeconds, outcome, answered }: EndedCall): CallOutcome | undefined {
  if (outcome) return outcome;
  if (answered || (talkSeconds ?? 0) > 0) return 'Connected';
  if (direction === 'inbound' && talkSeconds === 0) return 'No answer';
  return undefined;
}
