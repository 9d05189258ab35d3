import { randomUUID } from 'node:crypto';
import { SERVER_METHOD_NAME, type ProductName } from '@callbridge/core';
import type { LoadedApp } from '../../app/load-app';
import type { EventRunner } from '../events/event-runner';
import { notRun } from '../events/event-runner';
import { isPlainObject, utf8Length, type JsonRecord } from '../json';
import { SMI_LIMITS } from '../limits';
import type { InvocationResult } from '../runtime/invocation';
import type { ServerRuntime } from '../runtime/server-runtime';

export interface ServerMethodResult extends InvocationResult {
  requestID: string;
}

/** From platform version 2.2 a server method must be declared under `product.<p>.functions`. */
function needsDeclaration(platformVersion: string | null): boolean {
  return platformVersion !== null && Number.parseFloat(platformVersion) >= 2.2;
}

/**
 * Server Method Invocation: `client.request.invoke(name, payload)` runs `name` of server.js with the payload plus
 * the installation's iparams, within the function's manifest `timeout` (seconds; 5 when absent).
 */
export class ServerMethods {
  constructor(
    private readonly runtime: ServerRuntime,
    private readonly runner: EventRunner,
    private readonly app: () => LoadedApp,
    /** Seconds to milliseconds, shortened by tests. */
    private readonly timeoutMs: (seconds: number) => number = (seconds) => seconds * 1000,
  ) {}

  async invoke(product: ProductName, name: string, payload: unknown): Promise<ServerMethodResult> {
    const requestID = randomUUID();
    const refuse = (status: number, message: string) => ({ ...notRun(status, message), requestID });
    if (!SERVER_METHOD_NAME.test(name)) {
      return refuse(400, `Requested function '${name}' must be of length 2-40 and can only contain alphanumeric characters and underscores`);
    }
    const app = this.app();
    const section = app.products[product];
    if (!section) return refuse(400, `product: the app does not run in ${product}`);
    const declared = section.functions[name];
    const known = needsDeclaration(app.platformVersion) ? declared !== undefined : this.runtime.exportedNames.includes(name);
    if (!known) return refuse(404, `Requested function '${name}' not found or registered`);
    if (payload !== undefined && payload !== null && !isPlainObject(payload)) return refuse(400, 'payload: must be a JSON object');
    const full: JsonRecord = { ...this.runner.base(product, name), ...(payload ?? {}), iparams: this.runner.iparams(product) };
    delete full.event;
    if (utf8Length(JSON.stringify(full)) > SMI_LIMITS.maxPayloadBytes) return refuse(413, 'The payload exceeds 100 KB, including the iparams the platform adds');
    const result = await this.runtime.invoke({
      product,
      name,
      handler: name,
      payload: full,
      timeoutMs: this.timeoutMs(declared?.timeout ?? SMI_LIMITS.defaultTimeoutSeconds),
      needsRenderData: true,
      targetUrlAllowed: false,
    });
    return { ...result, requestID };
  }
}
