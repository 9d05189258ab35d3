import { z } from 'zod';
import type { ServerMethodContract } from '../../app/server-method';
import type { InputOf, OutputOf, Schema } from '../../schema/standard';
import { SERVER_METHOD_NAME } from '../../platform/events';
import type { ProductName } from '../../platform/products';
import { HandlerFailure } from '../failure';
import { isPlainObject } from '../json-size';
import { summarizeIssues } from '../payloads/issues';
import { parseWith } from '../payloads/parse';
import { productOf } from '../product/product-of';
import { createServerContext, type ServerContext, type ServerOptions } from './context';
import type { PlatformHandler } from './define-handler';
import { runAndAnswer } from './run';

export interface InvocationContext extends ServerContext {
  readonly name: string;
  /** The calling product, from the invocation's productContext or domain; a 400 when neither tells. */
  readonly product: ProductName;
}

export type ServerMethodBody<I, R> = (input: I, ctx: InvocationContext) => R | Promise<R>;

/** Keys the platform adds to an SMI invocation's arguments; the rest is what the front end sent. */
const INVOCATION_KEYS = ['iparams', 'productContext', 'account_id', 'domain', 'region', 'timestamp', 'event'];

function inputOf(args: Record<string, unknown>, schema: Schema): Record<string, unknown> {
  const declared = schema instanceof z.ZodObject ? Object.keys(schema.shape) : declaredKeys(schema);
  return Object.fromEntries(Object.entries(args).filter(([key]) => !INVOCATION_KEYS.includes(key) || declared.includes(key)));
}

/** Keys a non-zod object schema declares (valibot objects list them as `entries`). */
function declaredKeys(schema: Schema): string[] {
  const entries = (schema as { entries?: unknown }).entries;
  return typeof entries === 'object' && entries !== null ? Object.keys(entries) : [];
}

/**
 * A Server Method Invocation function: `client.request.invoke(name, input)` lands here. The input is parsed with
 * `input` (400 naming the field), and the answer follows the same rules as `defineHandler`.
 */
export function defineServerMethod<S extends Schema, R>(
  name: string,
  input: S,
  body: ServerMethodBody<OutputOf<S>, R>,
  options: ServerOptions = {},
): PlatformHandler {
  if (!SERVER_METHOD_NAME.test(name)) {
    throw new Error(`server method "${name}": the platform accepts names matching [A-Za-z_][A-Za-z0-9_]{1,39}`);
  }
  const method = (raw: unknown): Promise<void> =>
    runAndAnswer(name, raw, options, async ({ globals, redactor, log }) => {
      const args = isPlainObject(raw) ? raw : {};
      const iparams = isPlainObject(args.iparams) ? args.iparams : {};
      const parsed = parseWith(name, input, isPlainObject(raw) ? inputOf(args, input) : raw);
      if (!parsed.ok) throw parsed.error;
      const carrier = {
        event: name,
        domain: typeof args.domain === 'string' ? args.domain : undefined,
        productContext: isPlainObject(args.productContext) ? (args.productContext as { name?: string; url?: string }) : undefined,
      };
      const ctx = Object.defineProperties(createServerContext(iparams, globals, redactor, log, options), {
        name: { value: name, enumerable: true },
        product: { get: () => productOf(carrier), enumerable: true },
      }) as InvocationContext;
      return body(parsed.value, ctx);
    });
  return Object.assign(method, { handles: name });
}

/** Implements a shared front-end/server contract: its input is parsed, and its result checked, with the contract's schemas. */
export function implementServerMethod<I extends Schema, O extends Schema>(
  contract: ServerMethodContract<I, O>,
  body: ServerMethodBody<OutputOf<I>, InputOf<O>>,
  options: ServerOptions = {},
): PlatformHandler {
  return defineServerMethod(
    contract.name,
    contract.input,
    async (input, ctx) => {
      const checked = parseWith(`${contract.name} result`, contract.output, await body(input, ctx));
      if (!checked.ok) {
        throw new HandlerFailure(500, `${contract.name} failed: its result breaks the contract: ${summarizeIssues('result', checked.error.issues)}`);
      }
      return checked.value;
    },
    options,
  );
}
