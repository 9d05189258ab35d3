import type { ProductName } from '@callbridge/core';
import { z } from 'zod';
import { json, type Router } from '../http/router';
import { parseBody, productSchema } from '../serverless/http/body';
import type { CrmApi } from './api/crm-api';

const setBody = z.object({
  product: productSchema,
  status: z.number({ error: 'must be an HTTP status' }).int({ error: 'must be an HTTP status' }).min(400, { error: 'must be 400-599' }).max(599, { error: 'must be 400-599' }),
  count: z.number({ error: 'must be a number of requests' }).int({ error: 'must be a whole number' }).positive({ error: 'must be above 0' }).optional(),
  message: z.string().min(1, { error: 'must not be empty' }).optional(),
  retryAfterSeconds: z.number().int({ error: 'must be a whole number of seconds' }).nonnegative({ error: 'must be 0 or more' }).optional(),
});
const clearBody = z.object({ product: productSchema.optional() });

/**
 * `/_emulator/crm/faults`: make a product's embedded CRM fail, for tests of an app's outage handling.
 * POST `{product, status, count?, message?, retryAfterSeconds?}` sets the fault (the next `count` requests, or every
 * request until cleared); GET shows each product's fault; DELETE `{product?}` clears one product's, or all.
 */
export function registerCrmFaults(router: Router, apis: ReadonlyMap<ProductName, CrmApi>): void {
  const snapshot = () => Object.fromEntries([...apis].map(([product, api]) => [product, api.faults.current()]));

  router.get('/_emulator/crm/faults', () => json(snapshot()));

  router.post('/_emulator/crm/faults', async (request) => {
    const body = await parseBody(request, setBody);
    if (!body.ok) return body.response;
    const { product, ...fault } = body.value;
    apis.get(product)!.faults.set(fault);
    return json(snapshot());
  });

  router.delete('/_emulator/crm/faults', async (request) => {
    const body = await parseBody(request, clearBody);
    if (!body.ok) return body.response;
    for (const [product, api] of apis) if (body.value.product === undefined || body.value.product === product) api.faults.clear();
    return json(snapshot());
  });
}
