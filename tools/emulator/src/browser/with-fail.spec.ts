import { describe, expect, it } from 'vitest';
import { FdkPromise, withFail } from './with-fail';

describe('withFail', () => {
  it('adds .fail as an alias of .catch', async () => {
    const reason = new Error('Record not found');
    await expect(withFail(Promise.reject(reason)).fail((e) => e)).resolves.toBe(reason);
  });

  it('keeps .fail after .then, for promise.then(ok).fail(bad) chains', async () => {
    const chained = withFail(Promise.resolve(1)).then((n) => {
      if (n === 1) throw new Error('boom');
      return n;
    });
    expect(chained).toBeInstanceOf(FdkPromise);
    await expect((chained as FdkPromise<number>).fail((e: unknown) => (e as Error).message)).resolves.toBe('boom');
  });

  it('resolves like the promise it wraps', async () => {
    await expect(withFail(Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
