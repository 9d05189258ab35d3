import type { PlatformError } from '../../platform/client';

/** A platform error value: the platform rejects with plain objects, never with Error instances. */
export function platformError(status: number, message: string, errorSource: 'APP' | 'PLATFORM' = 'APP'): PlatformError {
  return { status, message, errorSource };
}

/** A rejected promise carrying a platform error, as the real client returns. */
export function rejectWith(error: PlatformError): Promise<never> {
  // The real client rejects with plain `{status, message}` objects; the fake must do the same to be believed.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(error);
}

/** A promise settled later by the fake (a user's answer, a timeout): rejections are platform errors. */
export interface Pending<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  fail(error: PlatformError): void;
}

export function pending<T>(): Pending<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: PlatformError) => void = () => undefined;
  const promise = new Promise<T>((onValue, onError) => {
    resolve = onValue;
    reject = onError;
  });
  return { promise, resolve, fail: (error) => reject(error) };
}

/** Every front-end call of the real client is asynchronous; the fake answers on a microtask (fake-timer friendly). */
export function later<T>(produce: () => T): Promise<T> {
  return Promise.resolve().then(produce);
}

/** A copy as it crosses the platform boundary, so tests never share objects with the code under test. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
