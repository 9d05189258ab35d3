/**
 * The promises `$db`, `$request` and `$schedule` hand to server.js. 2.0-era apps chain `.fail(fn)` (the old
 * jQuery-style name) instead of `.catch(fn)`; `then` keeps the subclass, so `.then(a).fail(b)` works too.
 */
export class PlatformPromise<T> extends Promise<T> {
  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PlatformPromise<A | B> {
    return super.then(onFulfilled, onRejected) as PlatformPromise<A | B>;
  }

  fail<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): PlatformPromise<T | R> {
    return this.then(undefined, onRejected);
  }
}
