import type { CallRecord } from '@callbridge/contracts';

/** Where a call stands: only an ended call has its final duration and outcome, so only ended calls are logged. */
export type PhoneCallState = 'ringing' | 'in_progress' | 'ended';

/** One call as the phone system reports it, in the provider's neutral form. */
export interface PhoneCall {
  /** The provider's call id, as text. */
  id: string;
  direction: 'inbound' | 'outbound';
  state: PhoneCallState;
  /** UNIX seconds: the order and the watermark reconciliation works with. */
  startedAtSeconds: number;
  /** ISO 8601. */
  startedAt: string;
  answered: boolean;
  /** Seconds between answer and hang-up; 0 for a call nobody answered. */
  talkSeconds: number;
  /** The other party in E.164, when the provider gave a dialable number. */
  externalNumber?: string;
  /** The other party as the provider wrote it (`+1 415-555-0111`, `anonymous`). */
  rawNumber: string;
  /** One of the contracts' CALL_OUTCOMES. */
  outcome: string;
  /** Comments reps left on the call in the phone system. */
  comments: string[];
  agent?: { id: number; name?: string; email?: string };
}

/** A webhook event, read and verified. */
export type PhoneEvent = { kind: 'call'; name: string; call: PhoneCall } | { kind: 'other'; name: string };

export type ReadEventResult =
  | { ok: true; event: PhoneEvent }
  /** `unverified`: the token is missing or wrong; `malformed`: not an event of this provider. */
  | { ok: false; reason: 'unverified' | 'malformed'; message: string };

export interface WebhookRegistration {
  id: string;
  /** The shared secret every delivery carries; keep it server-side. */
  token: string;
}

export interface CallPage {
  calls: PhoneCall[];
  /** More calls follow this page. */
  hasMore: boolean;
  /** Calls on the page the provider sent in a shape we could not read (left out of `calls`). */
  unreadable: number;
}

export interface ListCallsInput {
  /** UNIX seconds; calls started at or after it, oldest first. */
  since: number;
  page?: number;
  perPage?: number;
}

export interface SearchCallsInput extends ListCallsInput {
  /** E.164. */
  phoneNumber: string;
}

export interface DialInput {
  /** E.164. */
  to: string;
  /** The rep's email in the phone system; without it the first available agent dials. */
  agentEmail?: string;
}

/**
 * A phone system as Callbridge needs it. Every method rejects with a PhoneProviderError whose message a person can
 * act on (wrong credentials, agent unavailable, provider down).
 */
export interface PhoneProvider {
  readonly id: string;
  /** The name people know it by, for messages. */
  readonly label: string;
  /** Subscribes `url` to call events. */
  registerWebhook(input: { url: string; name: string }): Promise<WebhookRegistration>;
  /** False when the webhook was already gone. */
  deleteWebhook(id: string): Promise<boolean>;
  /** Reads a webhook body and checks its token against `expectedToken` (in constant time). */
  readEvent(body: unknown, expectedToken: string): ReadEventResult;
  listCallsSince(input: ListCallsInput): Promise<CallPage>;
  searchCalls(input: SearchCallsInput): Promise<CallPage>;
  /** Undefined when the provider has no such call. */
  getCall(id: string): Promise<PhoneCall | undefined>;
  /** Puts the number on the agent's phone, ready to call. */
  dial(input: DialInput): Promise<void>;
  /** The call as every Callbridge surface shows it. */
  toCallRecord(call: PhoneCall): CallRecord;
}
