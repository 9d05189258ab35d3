import { PRODUCTS, type ProductName } from '@callbridge/core';
import { z } from 'zod';
import type { Router } from '../../http/router';
import { json } from '../../http/router';
import { badRequest, parseBody, productSchema } from '../http/body';
import type { InvocationResult } from '../runtime/invocation';
import type { Serverless } from '../serverless';
import { simulatedPayload } from './simulate';

const installBody = z.object({
  product: productSchema,
  iparams: z.record(z.string(), z.unknown(), { error: 'must be an object of iparam name to value' }).optional(),
  secure: z.array(z.string(), { error: 'must be a list of iparam names' }).optional(),
});
const productBody = z.object({ product: productSchema });
const runBody = z.object({ product: productSchema, payload: z.unknown().optional() });
const clockBody = z.object({ ms: z.number({ error: 'must be a number of milliseconds' }).positive({ error: 'must be above 0' }).finite() });

/** The automation API's answer for a run: always the same six fields. */
export function runAnswer(result: InvocationResult): Record<string, unknown> {
  return {
    ok: result.ok,
    status: result.status,
    response: result.response ?? null,
    error: result.error ?? null,
    durationMs: result.durationMs,
    logs: result.logs,
  };
}

function appProduct(serverless: Serverless, product: ProductName): Response | undefined {
  return serverless.context.app.products[product] ? undefined : badRequest('product', `the app does not run in ${product} (manifest.json product)`);
}

/** `/_emulator/...`: JSON in, JSON out, for tests and tools (README "Automation API"). */
export function registerAutomationApi(router: Router, serverless: Serverless): void {
  const { context } = serverless;

  router.post('/_emulator/install', async (request) => {
    const body = await parseBody(request, installBody);
    if (!body.ok) return body.response;
    const { product, iparams = {}, secure = [] } = body.value;
    const refused = appProduct(serverless, product);
    if (refused) return refused;
    const result = await context.installations.install(product, iparams, secure);
    return result.ok ? json({ ok: true }) : json({ ok: false, errors: result.errors }, 422);
  });

  router.post('/_emulator/uninstall', async (request) => {
    const body = await parseBody(request, productBody);
    if (!body.ok) return body.response;
    return json({ ok: true, uninstalled: await context.installations.uninstall(body.value.product) });
  });

  router.post('/_emulator/events/:event', async (request, params) => {
    const body = await parseBody(request, runBody);
    if (!body.ok) return body.response;
    const { product, payload } = body.value;
    const event = params.event ?? '';
    const refused = appProduct(serverless, product);
    if (refused) return refused;
    if (!serverless.runner.registered(product)[event]) return badRequest('event', `${event} is not registered for ${product}`);
    const simulated = await simulatedPayload(serverless.runner, context.appDir, product, event, payload);
    if (!simulated.ok) return badRequest(simulated.field, simulated.message);
    return json(runAnswer(await serverless.runner.run(product, event, simulated.payload)));
  });

  router.post('/_emulator/functions/:name', async (request, params) => {
    const body = await parseBody(request, runBody);
    if (!body.ok) return body.response;
    const { product, payload } = body.value;
    const refused = appProduct(serverless, product);
    if (refused) return refused;
    if (payload !== undefined && (typeof payload !== 'object' || payload === null || Array.isArray(payload))) return badRequest('payload', 'must be a JSON object');
    return json(runAnswer(await serverless.functions.invoke(product, params.name ?? '', payload)));
  });

  router.get('/_emulator/state', () =>
    json({
      crm: Object.fromEntries(PRODUCTS.map((product) => [product, context.store.snapshot(product)])),
      db: serverless.db.store.snapshot(),
      schedules: serverless.schedules.snapshot(),
      installed: PRODUCTS.filter((product) => context.installations.get(product) !== undefined),
      now: context.clock.now().toISOString(),
    }),
  );

  router.post('/_emulator/reset', async () => {
    await serverless.reset();
    return json({ ok: true });
  });

  router.post('/_emulator/clock/advance', async (request) => {
    const body = await parseBody(request, clockBody);
    if (!body.ok) return body.response;
    serverless.advanceClock(body.value.ms);
    return json({ ok: true, now: context.clock.now().toISOString() });
  });
}

