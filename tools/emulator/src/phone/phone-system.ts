import { randomBytes, randomUUID } from 'node:crypto';
import { FixedWindowLimiter, type RateLimitSettings } from '../crm/api/rate-limit';
import { eventData, newCall, type AircallCall, type CallDirection, type MissedCallReason } from './call';
import { DEFAULT_AIRCALL_CREDENTIALS, DEFAULT_AIRCALL_RATE_LIMIT, type AircallCredentials } from './credentials';
import { DEFAULT_DELIVERY_POLICY, postEvent, type DeliveryPolicy } from './delivery';
import { AIRCALL_NUMBERS, AIRCALL_USERS, numberJson, userRef, type AircallNumberSeed, type AircallUserSeed } from './directory';
import { formatRawDigits } from './raw-digits';
import type { Webhook } from './webhooks';

export interface WebhookEnvelope {
  resource: 'call';
  event: string;
  timestamp: number;
  token: string;
  data: Record<string, unknown>;
}

/** One POST of one event to one webhook, with its retries. */
export interface Delivery {
  id: number;
  callId: number;
  event: string;
  webhookId: string;
  url: string;
  /** `pending` until the receiver answered or every attempt failed. */
  state: 'pending' | 'delivered' | 'failed';
  status: number | null;
  attempts: number;
  error: string | null;
  redelivery: boolean;
  queuedAt: string;
  payload: WebhookEnvelope;
}

export interface PhoneSystemOptions {
  /** Emulated time in epoch milliseconds. */
  nowMs: () => number;
  credentials?: readonly AircallCredentials[];
  rateLimit?: RateLimitSettings;
  delivery?: Partial<DeliveryPolicy>;
  log?: (line: string) => void;
}

interface CallEntry {
  call: AircallCall;
  /** The other party in E.164, or null for an anonymous caller. */
  external: string | null;
  /** Events go out one after another per call, in the order they happened. */
  queue: Promise<void>;
}

export interface StartCall {
  direction: CallDirection;
  external: string | null;
  number: AircallNumberSeed;
  /** The agent: known from the start for outbound calls, set on answer for inbound ones. */
  user: AircallUserSeed | null;
  startedAt?: number;
}

/**
 * The embedded Aircall company: its webhooks, its calls and every webhook delivery. Call events are POSTed by real
 * HTTP to each active webhook subscribed to them, carrying that webhook's token, as Aircall does.
 */
export class PhoneSystem {
  readonly users = AIRCALL_USERS;
  readonly numbers = AIRCALL_NUMBERS;
  readonly limiter: FixedWindowLimiter;
  credentials: AircallCredentials[];
  private webhooks: Webhook[] = [];
  private calls = new Map<number, CallEntry>();
  private deliveryLog: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private abort = new AbortController();
  private readonly policy: DeliveryPolicy;
  private nextCallId = 1_500_000_001;
  private nextWebhookId = 26_301;
  private nextDeliveryId = 1;
  private nextNoteId = 1;

  constructor(private readonly options: PhoneSystemOptions) {
    this.credentials = [...(options.credentials ?? DEFAULT_AIRCALL_CREDENTIALS)];
    this.limiter = new FixedWindowLimiter(options.rateLimit ?? DEFAULT_AIRCALL_RATE_LIMIT, options.nowMs);
    this.policy = { ...DEFAULT_DELIVERY_POLICY, ...options.delivery };
  }

  nowSeconds(): number {
    return Math.floor(this.options.nowMs() / 1000);
  }

  listWebhooks(): Webhook[] {
    return this.webhooks.map((w) => ({ ...w, events: [...w.events] }));
  }

  findWebhook(id: string): Webhook | undefined {
    return this.webhooks.find((w) => w.webhook_id === id || String(w.numericId) === id);
  }

  createWebhook(input: { custom_name: string; url: string; events: string[] }): Webhook {
    const webhook: Webhook = {
      webhook_id: randomUUID(),
      numericId: this.nextWebhookId++,
      created_at: new Date(this.options.nowMs()).toISOString(),
      active: true,
      token: randomBytes(10).toString('hex'),
      ...input,
    };
    this.webhooks.push(webhook);
    return { ...webhook };
  }

  deleteWebhook(id: string): boolean {
    const webhook = this.findWebhook(id);
    if (!webhook) return false;
    this.webhooks = this.webhooks.filter((w) => w !== webhook);
    return true;
  }

  listCalls(): AircallCall[] {
    return [...this.calls.values()].map((entry) => structuredClone(entry.call));
  }

  getCall(id: number): AircallCall | undefined {
    const entry = this.calls.get(id);
    return entry && structuredClone(entry.call);
  }

  /** The external party of a call in E.164 (null when anonymous), for search by phone number. */
  externalNumber(id: number): string | null | undefined {
    return this.calls.get(id)?.external;
  }

  get deliveries(): Delivery[] {
    return this.deliveryLog.map((d) => structuredClone(d));
  }

  /** Creates a ringing call and sends `call.created`. */
  startCall(start: StartCall): AircallCall {
    const call = newCall({
      id: this.nextCallId++,
      sid: `CA${randomBytes(16).toString('hex')}`,
      direction: start.direction,
      started_at: start.startedAt ?? this.nowSeconds(),
      raw_digits: start.external ? formatRawDigits(start.external) : 'anonymous',
      user: start.user ? userRef(start.user) : null,
      number: numberJson(start.number),
    });
    this.calls.set(call.id, { call, external: start.external, queue: Promise.resolve() });
    this.emit(call.id, 'call.created', call.started_at);
    return structuredClone(call);
  }

  /** The agent picks up: `call.answered`. */
  answer(id: number, user: AircallUserSeed, at = this.nowSeconds()): AircallCall | string {
    const entry = this.calls.get(id);
    if (!entry) return `Call ${id} does not exist.`;
    if (entry.call.status !== 'initial') return `Call ${id} is ${entry.call.status}, so it cannot be answered.`;
    Object.assign(entry.call, { status: 'answered', answered_at: at, user: userRef(user) });
    this.emit(id, 'call.answered', at);
    return structuredClone(entry.call);
  }

  /** The call ends: `call.hungup`, then `call.ended` with the final duration. */
  hangup(id: number, extra: { at?: number; missedCallReason?: MissedCallReason; comments?: string[]; tags?: string[] } = {}): AircallCall | string {
    const entry = this.calls.get(id);
    if (!entry) return `Call ${id} does not exist.`;
    if (entry.call.status === 'done') return `Call ${id} has already ended.`;
    const { call } = entry;
    const at = Math.max(extra.at ?? this.nowSeconds(), call.started_at);
    const missed = call.direction === 'inbound' && call.answered_at === null;
    Object.assign(call, {
      status: 'done',
      ended_at: at,
      duration: at - call.started_at,
      missed_call_reason: missed ? (extra.missedCallReason ?? 'agents_did_not_answer') : null,
      cost: call.answered_at === null ? '0.0' : ((at - call.answered_at) * 0.0025).toFixed(2),
    });
    const poster = call.user ? { id: call.user.id as number, name: call.user.name as string } : null;
    for (const content of extra.comments ?? []) call.comments.push({ id: this.nextNoteId++, content, posted_at: at, posted_by: poster });
    for (const name of extra.tags ?? []) call.tags.push({ id: this.nextNoteId++, name });
    this.emit(id, 'call.hungup', at);
    this.emit(id, 'call.ended', at);
    return structuredClone(call);
  }

  /** Sends a call's events again to the same webhooks, with the same bodies, as a provider's retry would. */
  redeliver(id: number): number {
    const entry = this.calls.get(id);
    if (!entry) return -1;
    const originals = this.deliveryLog.filter((d) => d.callId === id && !d.redelivery && this.webhooks.some((w) => w.webhook_id === d.webhookId));
    const queued = originals.map((original) => this.queue({ ...original, redelivery: true }));
    this.track(id, () => this.send(queued));
    return queued.length;
  }

  /** Resolves once every queued delivery has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops in-flight deliveries (the emulator is closing, or a test resets). */
  async close(): Promise<void> {
    this.abort.abort();
    await this.idle();
    this.abort = new AbortController();
  }

  async reset(): Promise<void> {
    await this.close();
    this.webhooks = [];
    this.calls.clear();
    this.deliveryLog = [];
  }

  private emit(id: number, event: string, timestamp: number): void {
    const entry = this.calls.get(id)!;
    const data = eventData(structuredClone(entry.call), entry.external);
    const queued = this.webhooks
      .filter((w) => w.active && w.events.includes(event))
      .map((w) =>
        this.queue({ callId: id, event, webhookId: w.webhook_id, url: w.url, redelivery: false, payload: { resource: 'call', event, timestamp, token: w.token, data } }),
      );
    this.track(id, () => this.send(queued));
  }

  private queue(delivery: Pick<Delivery, 'callId' | 'event' | 'webhookId' | 'url' | 'redelivery' | 'payload'>): Delivery {
    const record: Delivery = {
      callId: delivery.callId,
      event: delivery.event,
      webhookId: delivery.webhookId,
      url: delivery.url,
      redelivery: delivery.redelivery,
      payload: delivery.payload,
      id: this.nextDeliveryId++,
      state: 'pending',
      status: null,
      attempts: 0,
      error: null,
      queuedAt: new Date(this.options.nowMs()).toISOString(),
    };
    this.deliveryLog.push(record);
    return record;
  }

  private track(callId: number, work: () => Promise<void>): void {
    const entry = this.calls.get(callId)!;
    const next = entry.queue.then(work).catch((error: unknown) => this.options.log?.(`phone: delivering call ${callId} failed: ${String(error)}`));
    entry.queue = next;
    this.pending.add(next);
    void next.finally(() => this.pending.delete(next));
  }

  private async send(deliveries: Delivery[]): Promise<void> {
    for (const delivery of deliveries) {
      const outcome = await postEvent(delivery.url, JSON.stringify(delivery.payload), this.policy, this.abort.signal);
      Object.assign(delivery, { state: outcome.ok ? 'delivered' : 'failed', status: outcome.status, attempts: outcome.attempts, error: outcome.error });
      if (!outcome.ok) this.options.log?.(`phone: ${delivery.event} for call ${delivery.callId} to ${delivery.url} failed after ${outcome.attempts} attempt(s): ${outcome.error ?? 'aborted'}`);
    }
  }
}
