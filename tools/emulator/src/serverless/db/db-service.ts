import type { ProductName } from '@callbridge/core';
import { DB_CALLS_PER_MINUTE, MINUTE_MS } from '../limits';
import { PlatformFailure } from '../platform-error';
import { SlidingWindow } from '../rate-window';
import type { KvStore } from './kv-store';
import { DB_ANSWERS } from './messages';

/** One data store call, as `$db` and `client.db` make it. */
export type DbCall =
  | { action: 'set'; key: unknown; value: unknown; options?: unknown }
  | { action: 'get'; key: unknown }
  | { action: 'update'; key: unknown; type: unknown; attributes: unknown; options?: unknown }
  | { action: 'delete'; key: unknown };

/** `$db` and `client.db` share one store and one per-minute budget per product. */
export class DbService {
  private readonly windows = new Map<ProductName, SlidingWindow>();

  constructor(
    readonly store: KvStore,
    private readonly now: () => number,
  ) {}

  call(product: ProductName, call: DbCall): unknown {
    if (!this.window(product).tryTake()) throw new PlatformFailure(429, DB_ANSWERS.rateLimited);
    switch (call.action) {
      case 'set':
        return this.store.set(product, call.key, call.value, call.options);
      case 'get':
        return this.store.get(product, call.key);
      case 'update':
        return this.store.update(product, call.key, call.type, call.attributes, call.options);
      case 'delete':
        return this.store.delete(product, call.key);
    }
  }

  async reset(): Promise<void> {
    this.windows.clear();
    await this.store.clear();
  }

  private window(product: ProductName): SlidingWindow {
    let window = this.windows.get(product);
    if (!window) {
      window = new SlidingWindow(DB_CALLS_PER_MINUTE, MINUTE_MS, this.now);
      this.windows.set(product, window);
    }
    return window;
  }
}
