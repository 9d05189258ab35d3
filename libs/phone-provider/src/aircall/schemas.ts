import { z } from 'zod';

/*
 * Aircall's public API v1 shapes (docs/research/crm-and-aircall-apis.md §B): only what Callbridge reads is checked;
 * everything else passes through. Times are UNIX seconds.
 */

/** UNIX seconds up to the year 9999, so every time converts to a date. */
const seconds = z.number().nonnegative().max(253_402_300_799);
const optionalText = z.string().nullish();

/** Call ids are integers; text ids are accepted and kept as text. */
export const aircallId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);

export const aircallCallSchema = z.looseObject({
  id: aircallId,
  direction: z.enum(['inbound', 'outbound']),
  /** `initial` → `answered` → `done`; a missed call ends `done` with no `answered_at`. */
  status: z.string(),
  started_at: seconds,
  answered_at: seconds.nullish(),
  ended_at: seconds.nullish(),
  duration: z.number().nullish(),
  /** The other party, formatted (`+1 415-555-0111`), never E.164; `anonymous` when withheld. */
  raw_digits: optionalText,
  missed_call_reason: optionalText,
  voicemail: optionalText,
  user: z.looseObject({ id: z.number().int(), name: optionalText, email: optionalText }).nullish(),
  comments: z.array(z.looseObject({ content: optionalText })).nullish(),
  /** Webhook events only: the parties, the external one first. */
  participants: z.array(z.looseObject({ phone_number: optionalText, type: optionalText })).nullish(),
});
export type AircallCall = z.output<typeof aircallCallSchema>;

/** Every webhook delivery: `{resource, event, timestamp, token, data}`. */
export const aircallEnvelopeSchema = z.looseObject({
  resource: z.string(),
  event: z.string().min(1),
  timestamp: z.number().optional(),
  token: z.string(),
  data: z.unknown(),
});

export const aircallWebhookSchema = z.object({
  webhook: z.looseObject({ webhook_id: z.string().min(1), token: z.string().min(1) }),
});

const pageMeta = z.looseObject({ next_page_link: z.string().nullish() }).optional();

/** Lists are read call by call, so one odd call does not hide the others. */
export const aircallCallListSchema = z.looseObject({ calls: z.array(z.unknown()), meta: pageMeta });

export const aircallCallResponseSchema = z.looseObject({ call: z.unknown() });

export const aircallUserListSchema = z.looseObject({
  users: z.array(z.looseObject({ id: z.number().int(), email: optionalText, available: z.boolean().nullish(), name: optionalText })),
});

/** Aircall's error body: `{error, troubleshoot}` or, from its edge, `{message}`. */
export const aircallErrorBodySchema = z.looseObject({ error: optionalText, troubleshoot: optionalText, message: optionalText });
