import type { JsonValue } from '../platform/client';
import { MessagingError } from './errors';

/**
 * The JSON form of a payload, as it will travel between instances. Doing the round trip here makes a payload that
 * cannot travel (a function, a cycle, a BigInt) fail at the sender with a clear error instead of arriving changed.
 */
export function toJsonValue(value: unknown, what: string): JsonValue {
  if (value === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(value)) as JsonValue;
  } catch (cause) {
    throw new MessagingError('invalid-payload', `${what} cannot be sent between instances: it is not JSON.`, { cause });
  }
}
