/** Aircall bodies as its API and webhooks send them (docs/research/crm-and-aircall-apis.md §B), for tests. */

export type AircallCallJson = Record<string, unknown> & { id: number; started_at: number };

/** A finished, answered inbound call in the API's form; `overrides` replace fields. */
export function aircallCall(overrides: Partial<AircallCallJson> = {}): AircallCallJson {
  const started = overrides.started_at ?? 1_795_000_000;
  return {
    id: 4711,
    sid: 'CA4711',
    direct_link: 'https://api.aircall.io/v1/calls/4711',
    direction: 'inbound',
    status: 'done',
    missed_call_reason: null,
    started_at: started,
    answered_at: started + 5,
    ended_at: started + 190,
    duration: 190,
    raw_digits: '+1 415-555-0111',
    voicemail: null,
    recording: null,
    archived: false,
    user: { id: 456001, name: 'Riya Rep', email: 'riya@acme.example', available: true },
    number: { id: 789001, name: 'Sales US', digits: '+1 415-555-0100' },
    contact: null,
    comments: [],
    tags: [],
    ...overrides,
  };
}

/** A call nobody answered. */
export function missedAircallCall(overrides: Partial<AircallCallJson> = {}): AircallCallJson {
  return aircallCall({ answered_at: null, missed_call_reason: 'agents_did_not_answer', ...overrides });
}

/** A webhook delivery: the call in event form (`sid` named `call_uuid`, plus `participants`). */
export function aircallEvent(event: string, call: AircallCallJson, token: string, timestamp = call.started_at): Record<string, unknown> {
  const { sid, ...rest } = call;
  const external = { phone_number: call.raw_digits, type: 'external' };
  const user = call.user as { id: number; name: string } | null;
  const participants = user ? [external, { id: user.id, name: user.name, type: 'user' }] : [external];
  return { resource: 'call', event, timestamp, token, data: { ...rest, call_uuid: sid, participants } };
}

/** The events Aircall sends for one call, in the order it sends them, each with the call as it stood. */
export function aircallCallEvents(call: AircallCallJson, token: string): Record<string, unknown>[] {
  const ringing = { ...call, status: 'initial', answered_at: null, ended_at: null, duration: 0 };
  const events = [aircallEvent('call.created', ringing, token)];
  if (call.answered_at) events.push(aircallEvent('call.answered', { ...ringing, status: 'answered', answered_at: call.answered_at }, token));
  events.push(aircallEvent('call.ended', call, token, (call.ended_at as number | null) ?? call.started_at));
  return events;
}
