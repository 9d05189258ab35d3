/**
 * A promise with `.fail(cb)`, the alias of `.catch` that 2.0-era apps chain on platform promises. A subclass, so
 * `.then(...)` keeps returning one and `promise.then(ok).fail(bad)` works too.
 */
export class FdkPromise<T> extends Promise<T> {
  fail<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.catch(onRejected);
  }
}

export function withFail<T>(promise: PromiseLike<T>): FdkPromise<T> {
  return new FdkPromise<T>((resolve, reject) => {
    promise.then(resolve, reject);
  });
}
