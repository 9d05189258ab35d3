import { z } from 'zod';
import { recordId } from './fields';

export const REGIONS = ['US', 'EU', 'EUC', 'AUS', 'IND'] as const;
export type Region = (typeof REGIONS)[number];

/** Samples send account ids as strings (they exceed 2^53); a number is accepted and kept as its text. */
const accountId = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));

/** Epoch seconds (with fraction) or milliseconds; one sample sends it as a numeric string. */
const timestamp = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v),
  z.number().nonnegative(),
);

/** `name` is checked by `productOf`, so that a new product name fails there, with a clear message. */
export const productContextSchema = z.looseObject({ name: z.string(), url: z.string().optional() });

/** Who did it: a user, an agent or the system (id 0). Ids are numbers except in availability events. */
export const actorSchema = z.looseObject({
  id: z.union([recordId, z.string().regex(/^\d+$/)]),
  name: z.string(),
  type: z.string(),
});

const envelopeShape = {
  account_id: accountId,
  domain: z.string().min(1),
  region: z.enum(REGIONS),
  timestamp,
  productContext: productContextSchema.optional(),
  /** Every iparam, secure ones included: log payloads only through `redact`. */
  iparams: z.record(z.string(), z.unknown()).default({}),
};

/** The part every serverless payload shares; `data` is the event's own. */
export function envelope<E extends string, D extends z.ZodType>(event: E, data: D) {
  return z.looseObject({ ...envelopeShape, event: z.literal(event), data });
}

/** App setup events carry no `data`. */
export function bareEnvelope<E extends string>(event: E) {
  return z.looseObject({ ...envelopeShape, event: z.literal(event) });
}

/** The event's time as a Date, whether the platform sent seconds or milliseconds. */
export function eventTime(payload: { timestamp: number }): Date {
  return new Date(payload.timestamp < 1e12 ? payload.timestamp * 1000 : payload.timestamp);
}

/** The account's host name: `domain` arrives both bare and with `https://`. */
export function domainHost(payload: { domain: string }): string {
  return payload.domain.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
}
