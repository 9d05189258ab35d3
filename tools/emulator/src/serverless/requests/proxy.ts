import { REQUEST_LIMITS, type ProductName } from '@callbridge/core';
import type { LoadedApp } from '../../app/load-app';
import { SlidingWindow } from '../rate-window';
import { dispatch, type DispatchTarget, type OutgoingRequest, type SendOptions } from './dispatch';
import { freeFormRetired, isFreeFormMethod, renderFreeForm, supportsFreeForm } from './free-form';
import { QueueingLimiter, type RealDelay } from './limiter';
import { appRefusal, type RequestSuccess } from './request-error';
import type { SubstitutionScope } from './substitute';
import { readRequestTemplates, renderTemplate } from './template';

export interface RequestProxyDeps {
  app: () => LoadedApp;
  /** The installation's values, secure ones included, and which are secure; empty when not installed. */
  iparams: (product: ProductName) => { values: Record<string, unknown>; secure: readonly string[] };
  target: DispatchTarget;
  /** Emulated epoch ms, for the per-minute window. */
  now: () => number;
  realDelay: RealDelay;
}

/**
 * The platform's request proxy, shared by `$request` in server.js and `client.request` in the browser: renders
 * free-form (2.1/2.2) and template (2.3) requests, queues beyond 50 a minute per product, and sends.
 */
export class RequestProxy {
  private readonly limiters = new Map<ProductName, QueueingLimiter>();

  constructor(private readonly deps: RequestProxyDeps) {}

  async freeForm(product: ProductName, method: unknown, url: unknown, options: unknown): Promise<RequestSuccess> {
    if (!isFreeFormMethod(method)) throw appRefusal(400, `Unknown request method ${String(method)}; use get, post, put, patch or delete`);
    const app = this.deps.app();
    if (!supportsFreeForm(app.platformVersion)) throw appRefusal(400, freeFormRetired(method));
    const { request, send } = renderFreeForm(method, url, options, this.scope(product), app.whitelistedDomains);
    return this.send(product, request, send);
  }

  async invokeTemplate(product: ProductName, name: unknown, options: unknown): Promise<RequestSuccess> {
    const app = this.deps.app();
    const templates = await readRequestTemplates(app.dir);
    const { request, send } = renderTemplate(templates, app.products[product]?.requests ?? [], name, options, this.scope(product));
    return this.send(product, request, send);
  }

  /** Requests waiting for room in this product's minute. */
  waiting(product: ProductName): number {
    return this.limiters.get(product)?.waiting ?? 0;
  }

  /** The emulated clock jumped: let waiting requests re-check. */
  poke(): void {
    for (const limiter of this.limiters.values()) limiter.poke();
  }

  reset(): void {
    for (const limiter of this.limiters.values()) limiter.reset();
  }

  private send(product: ProductName, request: OutgoingRequest, options: SendOptions): Promise<RequestSuccess> {
    return this.limiter(product).run(() => dispatch(this.deps.target, request, options));
  }

  private scope(product: ProductName): SubstitutionScope {
    const { values, secure } = this.deps.iparams(product);
    return { iparam: values, secure: new Set(secure) };
  }

  private limiter(product: ProductName): QueueingLimiter {
    let limiter = this.limiters.get(product);
    if (!limiter) {
      limiter = new QueueingLimiter(new SlidingWindow(REQUEST_LIMITS.requestsPerWindow, REQUEST_LIMITS.windowMs, this.deps.now), this.deps.realDelay);
      this.limiters.set(product, limiter);
    }
    return limiter;
  }
}
