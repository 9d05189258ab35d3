import { normalizePhone } from '@callbridge/contracts';
import type { PhoneCall, PhoneCallState } from '../provider';
import { aircallCallSchema, type AircallCall } from './schemas';

const STATES: Readonly<Record<string, PhoneCallState>> = { initial: 'ringing', answered: 'in_progress', done: 'ended' };

function externalNumber(call: AircallCall): string | undefined {
  // Events name the parties; the API form has only raw_digits. Either may be "anonymous".
  const fromParticipants = call.participants?.find((p) => p.type === 'external')?.phone_number;
  for (const candidate of [fromParticipants, call.raw_digits]) {
    if (!candidate) continue;
    const normal = normalizePhone(candidate);
    if (normal.ok) return normal.e164;
  }
  return undefined;
}

/** Aircall has no "missed" status: a call nobody answered ends `done` without `answered_at`. */
function outcomeOf(call: AircallCall, answered: boolean): string {
  if (answered) return 'Connected';
  return call.voicemail ? 'Left voicemail' : 'No answer';
}

/** An Aircall call (API or webhook form) as a PhoneCall. */
export function toPhoneCall(call: AircallCall): PhoneCall {
  const answered = call.answered_at !== null && call.answered_at !== undefined;
  const talkSeconds = answered && call.ended_at ? Math.max(0, Math.round(call.ended_at - call.answered_at!)) : 0;
  const external = externalNumber(call);
  const comments = (call.comments ?? []).map((c) => c.content?.trim() ?? '').filter((text) => text !== '');
  return {
    id: call.id,
    direction: call.direction,
    state: STATES[call.status] ?? 'in_progress',
    startedAtSeconds: Math.floor(call.started_at),
    startedAt: new Date(Math.floor(call.started_at) * 1000).toISOString(),
    answered,
    talkSeconds,
    ...(external && { externalNumber: external }),
    rawNumber: call.raw_digits ?? '',
    outcome: outcomeOf(call, answered),
    comments,
    ...(call.user && {
      agent: { id: call.user.id, ...(call.user.name && { name: call.user.name }), ...(call.user.email && { email: call.user.email }) },
    }),
  };
}

/** Reads one call; undefined when it is not a call we can use. */
export function readAircallCall(raw: unknown): PhoneCall | undefined {
  const parsed = aircallCallSchema.safeParse(raw);
  return parsed.success ? toPhoneCall(parsed.data) : undefined;
}
