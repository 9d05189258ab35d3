import { currentCall, type LiveCall } from '@callbridge/contracts';
import type { HostPort } from '@callbridge/core';

/** After failures the wait doubles from the pace up to this, so an outage or a rate limit is not made worse. */
export const MAX_POLL_DELAY_MS = 60_000;

export interface LiveCallPollOptions {
  host: Pick<HostPort, 'callServer'>;
  /** Milliseconds from one answer to the next question while the phone app is shown. */
  intervalMs: number;
  /** The same while it is hidden: each question costs a `$db` read of the installation's 50 a minute. */
  hiddenIntervalMs: number;
  /** Whether the phone app is shown at the start. */
  shown: boolean;
  /** Every answer: the phone system's latest call, or null. */
  onCall(call: LiveCall | null): void;
  /** A poll failed; `failures` counts the ones in a row, and resets with the next answer. */
  onFailure(error: unknown, failures: number): void;
  /** The clock the next question is timed with. */
  now?: () => number;
}

export interface LiveCallPoller {
  /**
   * Tells the server that the rep is being shown this call (the server then leaves its log to the rep): with the next
   * poll, which goes out at once when this is called from `onCall`.
   */
  hold(callId: string): void;
  /** The phone app was shown or hidden: the next question comes at that pace, counted from the last answer. */
  setShown(shown: boolean): void;
  stop(): void;
}

/** The wait before the next poll: the pace, doubled for each failure in a row, capped. */
export function pollDelay(intervalMs: number, failures: number): number {
  return failures === 0 ? intervalMs : Math.min(intervalMs * 2 ** failures, MAX_POLL_DELAY_MS);
}

/**
 * Asks the server for the current call (`currentCall`) now and then after every answer, never two questions at once.
 * The platform has no incoming-call event for CTI apps; this is how an FDK CTI app learns of one.
 */
export function pollCurrentCall(options: LiveCallPollOptions): LiveCallPoller {
  const now = options.now ?? Date.now;
  let stopped = false;
  let asking = false;
  let shown = options.shown;
  let failures = 0;
  let holding: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // No answer yet: the first question is due at once, whatever the pace.
  let answeredAt = -Infinity;

  const schedule = () => {
    if (stopped || asking) return;
    clearTimeout(timer);
    // A call to hold goes out at once: the call may end within the interval, and the server would log it itself.
    const delay = holding !== undefined && failures === 0 ? 0 : pollDelay(shown ? options.intervalMs : options.hiddenIntervalMs, failures);
    timer = setTimeout(() => void poll(), Math.max(0, answeredAt + delay - now()));
  };

  const poll = async () => {
    const handling = holding;
    asking = true;
    try {
      const { call } = await options.host.callServer(currentCall, handling === undefined ? {} : { handling });
      if (stopped) return;
      if (holding === handling) holding = undefined;
      failures = 0;
      options.onCall(call);
    } catch (error) {
      if (stopped) return;
      failures += 1;
      options.onFailure(error, failures);
    } finally {
      asking = false;
      answeredAt = now();
    }
    schedule();
  };
  schedule();

  return {
    hold(callId) {
      holding = callId;
    },
    setShown(next) {
      if (next === shown) return;
      shown = next;
      schedule();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
