import { z } from 'zod';

/** How the platform rejects a promise: a plain object, never an Error (PLATFORM-FACTS §1). */
export interface PlatformErrorValue {
  status: number;
  message: string;
  errorSource?: 'APP' | 'PLATFORM';
  response?: string;
  headers?: Record<string, string>;
  attempts?: number;
  [extra: string]: unknown;
}

export const platformErrorSchema = z
  .object({
    status: z.number().int(),
    message: z.string(),
    errorSource: z.enum(['APP', 'PLATFORM']).optional(),
  })
  .loose();

export function platformError(status: number, message: string, errorSource?: 'APP' | 'PLATFORM'): PlatformErrorValue {
  return errorSource === undefined ? { status, message } : { status, message, errorSource };
}

export function isPlatformError(value: unknown): value is PlatformErrorValue {
  return platformErrorSchema.safeParse(value).success;
}

/** Anything thrown inside the host becomes the platform's shape, so apps never see an Error instance. */
export function toPlatformError(error: unknown): PlatformErrorValue {
  if (isPlatformError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return platformError(500, `The emulator failed: ${message}`, 'PLATFORM');
}

/** Throws a platform error as the platform does: the value itself, so callers' promises reject with `{status, message}`. */
export function raise(error: PlatformErrorValue): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- apps expect plain objects with `status`, never Error instances
  throw error;
}

/** A promise settled later from outside, rejecting as the platform does (with a platform error). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: PlatformErrorValue) => void } {
  const settle: { resolve?: (value: T) => void; reject?: (reason: unknown) => void } = {};
  const promise = new Promise<T>((resolve, reject) => Object.assign(settle, { resolve, reject }));
  return { promise, resolve: (value) => settle.resolve!(value), reject: (error) => settle.reject!(error) };
}
