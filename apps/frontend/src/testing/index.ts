import type { CallRecord, ContactMatch } from '@callbridge/contracts';
import { createFdkHost, type HostPort, type PlatformClient } from '@callbridge/core';
import type { FakeClientOptions, FakePlatform } from '@callbridge/core/testing';

/** A promise the test settles when it wants: how a slow server answer is simulated. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((onValue, onError) => {
    resolve = onValue;
    reject = onError;
  });
  return { promise, resolve, reject };
}

/** A placeholder (or modal) of the fake platform and the host port over it, as `mount` builds them. */
export async function hostOf(platform: FakePlatform, options: FakeClientOptions | PlatformClient): Promise<{ host: HostPort; client: PlatformClient }> {
  const client = 'context' in options ? options : platform.client(options);
  return { host: await createFdkHost({ initialized: () => Promise.resolve(client) }), client };
}

export function sampleCall(overrides: Partial<CallRecord> = {}): CallRecord {
  return { id: 'call-1', direction: 'outbound', outcome: 'Connected', durationSeconds: 95, startedAt: '2026-11-02T10:00:00Z', ...overrides };
}

export function sampleMatch(overrides: Partial<ContactMatch> = {}): ContactMatch {
  return { id: 16000001, type: 'contact', name: 'Jane Sample', phone: '+14155550123', company: 'Sample Account Inc.', ...overrides };
}

/** What a server method throws for the platform to reject the front end's call with `status` and `message`. */
export function serverError(status: number, message = `failed with ${status}`): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}
