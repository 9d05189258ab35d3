import { type Schema } from '../schema/standard';
import { SERVER_METHOD_NAME } from '../platform/server-method-name';

/**
 * One server method (SMI) as both sides see it: the front end calls it by contract, the serverless side implements
 * the same contract, and both parse with the same schemas.
 */
export interface ServerMethodContract<I extends Schema = Schema, O extends Schema = Schema> {
  name: string;
  input: I;
  output: O;
  /** Seconds the platform waits for an answer. */
  timeout?: number;
}

/* @__NO_SIDE_EFFECTS__ */
export function defineServerMethodContract<I extends Schema, O extends Schema>(
  contract: ServerMethodContract<I, O>,
): ServerMethodContract<I, O> {
  if (!SERVER_METHOD_NAME.test(contract.name)) {
    throw new Error(`server method "${contract.name}": names match [A-Za-z_][A-Za-z0-9_]{1,39}`);
  }
  return contract;
}
