import type { CallRecord } from '@callbridge/contracts';
import type { PhoneCall } from './provider';

/** Notes are bounded as the logCall contract bounds them. */
const MAX_NOTES = 2_000;

/** A phone system's call as every Callbridge surface shows it. */
export function phoneCallToCallRecord(call: PhoneCall): CallRecord {
  const notes = call.comments.join('\n').slice(0, MAX_NOTES);
  return {
    id: call.id,
    direction: call.direction,
    outcome: call.outcome,
    durationSeconds: call.talkSeconds,
    startedAt: call.startedAt,
    ...(notes && { notes }),
    ...(call.externalNumber && { phoneNumber: call.externalNumber }),
  };
}
