import type { ProductName } from '@callbridge/core';
import { z } from 'zod';
import type { EventRunner } from '../events/event-runner';
import { isSetupEvent } from '../events/registry';
import type { JsonRecord } from '../json';
import { samplePayload } from '../test-page/sample-payload';

/** What a simulated payload must look like where it has these fields; anything else passes through. */
const payloadSchema = z.looseObject({
  account_id: z.union([z.string(), z.number()], { error: 'must be a string or a number' }).optional(),
  domain: z.string({ error: 'must be a string' }).optional(),
  region: z.string({ error: 'must be a string' }).optional(),
  timestamp: z.number({ error: 'must be a number' }).optional(),
  productContext: z.looseObject({ name: z.string().optional(), url: z.string().optional() }, { error: 'must be an object' }).optional(),
  data: z.unknown().optional(),
  iparams: z.record(z.string(), z.unknown(), { error: 'must be an object of iparam name to value' }).optional(),
});

export type Simulated = { ok: true; payload: JsonRecord } | { ok: false; field: string; message: string };

/**
 * The payload a simulated event runs with: the one given, or `server/test_data/<event>.json` (else the platform's
 * sample), checked field by field, with the event name, productContext and the installed iparams filled in where
 * it has none.
 */
export async function simulatedPayload(runner: EventRunner, appDir: string, product: ProductName, event: string, given: unknown): Promise<Simulated> {
  let raw: unknown = given;
  if (raw === undefined) {
    try {
      raw = (await samplePayload(appDir, product, event)).payload;
    } catch (error) {
      return { ok: false, field: 'payload', message: (error as Error).message };
    }
  }
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.');
    return { ok: false, field: path ? `payload.${path}` : 'payload', message: path ? (issue?.message ?? 'invalid') : 'must be a JSON object' };
  }
  const payload = parsed.data as JsonRecord;
  if (!isSetupEvent(event) && event !== 'onExternalEvent' && (typeof payload.data !== 'object' || payload.data === null || Array.isArray(payload.data))) {
    return { ok: false, field: 'payload.data', message: 'must be an object' };
  }
  const base = runner.base(product, event);
  return {
    ok: true,
    payload: {
      ...base,
      ...payload,
      event,
      productContext: payload.productContext ?? base.productContext,
      iparams: payload.iparams ?? base.iparams,
    },
  };
}
