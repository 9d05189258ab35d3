import { z } from 'zod';
import type { Router } from '../../http/router';
import { json } from '../../http/router';
import { toErrorBody } from '../platform-error';
import { RequestFailure } from '../requests/request-error';
import type { Serverless } from '../serverless';
import { badRequest, parseBody, productSchema } from './body';

const dbBody = z.object({
  product: productSchema,
  action: z.enum(['set', 'get', 'update', 'delete'], { error: 'must be one of set, get, update, delete' }),
  key: z.unknown(),
  value: z.unknown().optional(),
  /** The update action may also come here; `value` carries it by default. */
  type: z.unknown().optional(),
  options: z.unknown().optional(),
  attributes: z.unknown().optional(),
});

const requestBody = z.object({
  product: productSchema,
  method: z.string().optional(),
  url: z.unknown().optional(),
  template: z.unknown().optional(),
  options: z.unknown().optional(),
});

const invokeBody = z.object({
  product: productSchema,
  name: z.string({ error: 'must be the server method name' }),
  payload: z.unknown().optional(),
});

/** An HTTP status for an error body whose `status` an app chose (renderData({status: 200}) happens). */
function httpStatus(status: number): number {
  return Number.isInteger(status) && status >= 400 && status <= 599 ? status : 400;
}

/**
 * What the browser client calls: `client.db`, `client.request` and `client.request.invoke`. Each answers 200 with
 * the platform's result, or the error's status with the platform's error body.
 */
export function registerBrowserApi(router: Router, serverless: Serverless): void {
  router.post('/_fdk/api/db', async (request) => {
    const body = await parseBody(request, dbBody);
    if (!body.ok) return body.response;
    const { product, action, key, value, type, options, attributes } = body.value;
    try {
      const call =
        action === 'set'
          ? { action, key, value, options }
          : action === 'update'
            ? { action, key, type: type ?? value, attributes, options }
            : { action, key };
      return json(serverless.db.call(product, call));
    } catch (error) {
      const failure = toErrorBody(error);
      return json(failure, httpStatus(failure.status));
    }
  });

  router.post('/_fdk/api/request', async (request) => {
    const body = await parseBody(request, requestBody);
    if (!body.ok) return body.response;
    const { product, method, url, template, options } = body.value;
    if (template === undefined && (method === undefined || url === undefined)) {
      return badRequest('template', 'give a template name (platform 2.3+) or method and url (2.1/2.2)');
    }
    try {
      const result = template !== undefined ? await serverless.requests.invokeTemplate(product, template, options) : await serverless.requests.freeForm(product, method!.toLowerCase(), url, options);
      return json(result);
    } catch (error) {
      const failure = error instanceof RequestFailure ? error.body : { ...toErrorBody(error), headers: {}, response: toErrorBody(error).message, attempts: 1, errorSource: 'PLATFORM' as const };
      return json(failure, httpStatus(failure.status));
    }
  });

  router.post('/_fdk/api/invoke', async (request) => {
    const body = await parseBody(request, invokeBody);
    if (!body.ok) return body.response;
    const { product, name, payload } = body.value;
    const result = await serverless.functions.invoke(product, name, payload);
    if (result.ok) return json({ requestID: result.requestID, response: result.response ?? null });
    const error = result.error ?? { status: result.status, message: '' };
    return json({ requestID: result.requestID, status: error.status, message: error.message, errorSource: 'APP' }, httpStatus(error.status));
  });
}
