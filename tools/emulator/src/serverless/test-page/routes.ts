import { isProductName } from '@callbridge/core';
import { html, json, type Router } from '../../http/router';
import { badRequest } from '../http/body';
import { toErrorBody } from '../platform-error';
import type { Serverless } from '../serverless';
import { testPage } from './page';
import { samplePayload } from './sample-payload';

/** `/web/test` and the payload it pre-fills for an event. */
export function registerTestPage(router: Router, serverless: Serverless): void {
  router.get('/web/test', () => {
    const { app } = serverless.context;
    const events = Object.fromEntries(Object.keys(app.products).filter(isProductName).map((product) => [product, Object.keys(serverless.runner.registered(product)).sort()]));
    return html(testPage({ events, problem: serverless.runtime.problem, hasServer: serverless.runtime.exists }));
  });

  router.get('/web/test/payload', async (request) => {
    const query = new URL(request.url).searchParams;
    const product = query.get('product');
    const event = query.get('event');
    if (!isProductName(product)) return badRequest('product', 'must be freshworks_crm or freshsales');
    if (!event) return badRequest('event', 'name the event');
    try {
      const sample = await samplePayload(serverless.context.appDir, product, event);
      const base = serverless.runner.base(product, event);
      return json({ payload: { ...sample.payload, iparams: sample.payload.iparams ?? base.iparams }, source: sample.source });
    } catch (error) {
      const body = toErrorBody(error);
      return json(body, body.status);
    }
  });
}
