import { z } from 'zod';
import { MISSED_CALL_REASONS, type AircallCall } from './call';
import type { AircallNumberSeed, AircallUserSeed } from './directory';
import type { PhoneSystem } from './phone-system';
import { formatRawDigits, toE164 } from './raw-digits';

export const simulateSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
  answered: z.boolean().default(true),
  /** From start to hang-up, ringing included, as Aircall's `duration`. */
  durationSeconds: z.number().int().nonnegative().max(86_400).default(60),
  ringSeconds: z.number().int().nonnegative().max(600).default(5),
  userId: z.number().int().optional(),
  missedCallReason: z.enum(MISSED_CALL_REASONS).optional(),
  comments: z.array(z.string()).max(5).optional(),
  tags: z.array(z.string()).optional(),
  /** Leave the call ringing; answer and hang up later through the automation API. */
  live: z.boolean().default(false),
  /** Answer only after every webhook delivery finished. */
  wait: z.boolean().default(false),
});
export type SimulateInput = z.infer<typeof simulateSchema>;

type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

/** The other party: anything with five to fifteen digits, or `anonymous` (or nothing) for a withheld number. */
export function externalParty(raw: string | undefined): Resolved<string | null> {
  if (raw === undefined || raw.trim() === '' || /^anonymous$/i.test(raw.trim())) return { ok: true, value: null };
  const e164 = toE164(raw);
  return e164 ? { ok: true, value: e164 } : { ok: false, message: `${raw} is not a phone number: give it with its country code, e.g. +14155550111.` };
}

/** One of the company's lines, by any formatting of its number; the agent's first line when not given. */
export function companyLine(system: PhoneSystem, raw: string | undefined, user: AircallUserSeed | undefined): Resolved<AircallNumberSeed> {
  if (raw === undefined || raw.trim() === '') {
    const line = system.numbers.find((n) => user?.numberIds.includes(n.id)) ?? system.numbers[0]!;
    return { ok: true, value: line };
  }
  const digits = raw.replace(/\D/g, '');
  const line = system.numbers.find((n) => n.e164.slice(1) === digits);
  const known = system.numbers.map((n) => formatRawDigits(n.e164)).join(', ');
  return line ? { ok: true, value: line } : { ok: false, message: `${raw} is not one of the company's Aircall numbers (${known}).` };
}

/**
 * Plays a call. A finished call (the default) happened just now: it started `durationSeconds` ago and every event
 * (`call.created`, `call.answered` when answered, `call.hungup`, `call.ended`) goes out at once, in order.
 * A live call only rings (`call.created`) until it is answered or hung up.
 */
export function simulateCall(system: PhoneSystem, input: SimulateInput): Resolved<AircallCall> {
  const inbound = input.direction === 'inbound';
  const user = input.userId === undefined ? system.users.find((u) => u.available) : system.users.find((u) => u.id === input.userId);
  if (!user) return { ok: false, message: `userId ${input.userId} is not an Aircall user (${system.users.map((u) => u.id).join(', ')}).` };
  const external = externalParty(inbound ? input.from : input.to);
  if (!external.ok) return external;
  if (!inbound && external.value === null) return { ok: false, message: 'An outbound call needs `to`, the number to call.' };
  const line = companyLine(system, inbound ? input.to : input.from, user);
  if (!line.ok) return line;

  const now = system.nowSeconds();
  const startedAt = input.live ? now : now - input.durationSeconds;
  const call = system.startCall({ direction: input.direction, external: external.value, number: line.value, user: inbound ? null : user, startedAt });
  if (input.live) return { ok: true, value: call };
  if (input.answered) system.answer(call.id, user, startedAt + Math.min(input.ringSeconds, input.durationSeconds));
  const ended = system.hangup(call.id, { at: now, missedCallReason: input.missedCallReason, comments: input.comments, tags: input.tags });
  return { ok: true, value: ended as AircallCall };
}
