import type { KeyValueStore } from '@callbridge/core';

/** A `$db` that counts the calls made through it, so a long run can stop before it spends the installation's minute. */
export function meteredStore(db: KeyValueStore): { db: KeyValueStore; calls: () => number } {
  let calls = 0;
  const count = <T>(call: () => Promise<T>) => {
    calls += 1;
    return call();
  };
  return {
    db: {
      get: (key) => count(() => db.get(key)),
      set: (key, value, options) => count(() => (options ? db.set(key, value, options) : db.set(key, value))),
      update: (key, type, attributes, options) => count(() => (options ? db.update(key, type, attributes, options) : db.update(key, type, attributes))),
      delete: (key) => count(() => db.delete(key)),
    },
    calls: () => calls,
  };
}
