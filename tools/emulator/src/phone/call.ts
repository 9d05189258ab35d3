import { AIRCALL_API_BASE } from './credentials';

export type CallDirection = 'inbound' | 'outbound';
export type CallStatus = 'initial' | 'answered' | 'done';

export const MISSED_CALL_REASONS = [
  'out_of_opening_hours',
  'short_abandoned',
  'abandoned_in_ivr',
  'abandoned_in_classic',
  'no_available_agent',
  'agents_did_not_answer',
] as const;
export type MissedCallReason = (typeof MISSED_CALL_REASONS)[number];

/** A call as Aircall's REST API shows it (`GET /v1/calls/:id`): UNIX-second times, formatted `raw_digits`. */
export interface AircallCall {
  id: number;
  sid: string;
  direct_link: string;
  direction: CallDirection;
  status: CallStatus;
  missed_call_reason: MissedCallReason | null;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  duration: number;
  raw_digits: string;
  cost: string | null;
  hangup_cause: string | null;
  voicemail: string | null;
  recording: string | null;
  recording_short_url: string | null;
  asset: string | null;
  archived: boolean;
  assigned_to: null;
  transferred_by: null;
  transferred_to: null;
  teams: unknown[];
  user: Record<string, unknown> | null;
  number: Record<string, unknown>;
  contact: null;
  comments: { id: number; content: string; posted_at: number; posted_by: { id: number; name: string } | null }[];
  tags: { id: number; name: string }[];
}

export function newCall(fields: Pick<AircallCall, 'id' | 'sid' | 'direction' | 'started_at' | 'raw_digits' | 'user' | 'number'>): AircallCall {
  return {
    ...fields,
    direct_link: `${AIRCALL_API_BASE}/calls/${fields.id}`,
    status: 'initial',
    missed_call_reason: null,
    answered_at: null,
    ended_at: null,
    duration: 0,
    cost: null,
    hangup_cause: null,
    voicemail: null,
    recording: null,
    recording_short_url: null,
    asset: null,
    archived: false,
    assigned_to: null,
    transferred_by: null,
    transferred_to: null,
    teams: [],
    contact: null,
    comments: [],
    tags: [],
  };
}

/** Webhook events carry the call with `sid` renamed `call_uuid` and the parties under `participants`. */
export function eventData(call: AircallCall, externalE164: string | null): Record<string, unknown> {
  const { sid, ...rest } = call;
  const external = { phone_number: externalE164 ?? call.raw_digits, type: 'external' };
  const agent = call.user ? [{ id: call.user.id, name: call.user.name, type: 'user' }] : [];
  return { ...rest, call_uuid: sid, participants: [external, ...agent] };
}
