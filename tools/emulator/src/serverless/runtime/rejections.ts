import { messageOf } from '../platform-error';
import { PlatformPromise } from '../platform-promise';

type Report = (message: string) => void;

/**
 * Node stops the process on an unhandled promise rejection. An app that calls `$db.get(...)` without a catch must
 * not stop the emulator, so rejections of the sandbox's promises (and of PlatformPromise) are reported to the app's
 * log instead. Anything else is left to Node: re-thrown when no one else listens, as Node itself would.
 */
class RejectionGuard {
  private readonly owners = new WeakMap<object, Report>();
  private readonly fallbacks: Report[] = [];

  private readonly listener = (reason: unknown, promise: Promise<unknown>): void => {
    const owner = this.owners.get(promise.constructor) ?? (promise instanceof PlatformPromise ? this.fallbacks.at(-1) : undefined);
    if (owner) {
      owner(`Unhandled promise rejection in server.js: ${messageOf(reason)}`);
      return;
    }
    if (process.listenerCount('unhandledRejection') === 1) {
      queueMicrotask(() => {
        throw reason;
      });
    }
  };

  /** Rejections of this realm's promises (a sandbox's Promise constructor) go to `report`. */
  watch(promiseConstructor: unknown, report: Report): void {
    if (typeof promiseConstructor === 'function') this.owners.set(promiseConstructor, report);
  }

  /** While an emulator runs, unowned PlatformPromise rejections go to its log; the returned function stops that. */
  attach(report: Report): () => void {
    if (this.fallbacks.length === 0) process.on('unhandledRejection', this.listener);
    this.fallbacks.push(report);
    return () => {
      const index = this.fallbacks.indexOf(report);
      if (index >= 0) this.fallbacks.splice(index, 1);
      if (this.fallbacks.length === 0) process.off('unhandledRejection', this.listener);
    };
  }
}

export const rejectionGuard = new RejectionGuard();
