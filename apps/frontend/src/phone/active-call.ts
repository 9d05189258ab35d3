import type { ContactMatch, LiveCall } from '@callbridge/contracts';
import { suggestedOutcome, type CallOutcome } from './outcome';

export type Lookup = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; matches: ContactMatch[] };

/** The call on screen. Its lookup is replaced in place, so an answer about a call the rep has left shows nowhere. */
export interface ActiveCall {
  /** The phone system's id, when it told us of the call: the log then counts as that call's one log. */
  callId?: string;
  phone: string;
  direction: 'inbound' | 'outbound';
  startedAt: number;
  lookup: Lookup;
  /** The phone system said the call was answered. */
  answered?: boolean;
  /** Set when the call ended: the log form is showing. */
  durationSeconds?: number;
  /** What the log form's outcome starts with. */
  outcome?: CallOutcome;
}

/** What the phone app does about the phone system's latest call. */
export type NextScreen =
  /** Nothing: the call rang here already, or ended before it could. */
  | { kind: 'same' }
  /** The call on screen, answered, or now known by the phone system's id (`hold`: the server must be told). */
  | { kind: 'update'; call: ActiveCall; hold: boolean }
  /** The call on screen ended: its log form shows. */
  | { kind: 'ended'; call: ActiveCall }
  /** A new call rings. */
  | { kind: 'ring'; phone: string; direction: ActiveCall['direction']; callId: string; startedAt?: number; answered: boolean };

/**
 * The phone system's latest call (`live`, from `currentCall`) against the call on screen: what to show next, and the
 * call the app has now seen (each call rings once). A call that rings, ended, or became the phone system's is one the
 * rep is handling, which the server must be told so it leaves the log to the rep. `now` times a call that ended
 * without its talk time.
 */
export function followLiveCall(live: LiveCall, screen: ActiveCall | undefined, seenCallId: string | undefined, now: number): { next: NextScreen; seen: string | undefined } {
  const shown = screen?.callId === live.callId ? screen : undefined;
  if (live.state === 'ended') {
    if (!shown || shown.durationSeconds !== undefined) return { next: { kind: 'same' }, seen: live.callId };
    const { direction, durationSeconds: talkSeconds, outcome } = live;
    const durationSeconds = talkSeconds ?? Math.round((now - shown.startedAt) / 1000);
    return { next: { kind: 'ended', call: { ...shown, direction, durationSeconds, outcome: suggestedOutcome({ direction, talkSeconds, outcome, answered: shown.answered }) } }, seen: live.callId };
  }
  const answered = live.state === 'answered';
  if (live.callId === seenCallId) {
    return { next: shown && answered && !shown.answered ? { kind: 'update', call: { ...shown, answered }, hold: false } : { kind: 'same' }, seen: seenCallId };
  }
  if (screen && screen.callId === undefined && screen.durationSeconds === undefined && screen.phone === live.phone) {
    // The call the rep just dialled (or looked up): the same screen, now known as the phone system's call.
    return { next: { kind: 'update', call: { ...screen, callId: live.callId, direction: live.direction, ...(answered && { answered }) }, hold: true }, seen: live.callId };
  }
  const startedAt = Date.parse(live.startedAt);
  return { next: { kind: 'ring', phone: live.phone, direction: live.direction, callId: live.callId, answered, ...(Number.isNaN(startedAt) ? {} : { startedAt }) }, seen: live.callId };
}
