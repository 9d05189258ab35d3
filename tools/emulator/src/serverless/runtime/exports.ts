
/** A 2.0 `exports.events` entry points at its handler by name, or (rarely) holds the function itself. */
const EVENT_INDEX = /^#events\[(\d+)\]$/;

export class MissingHandlerError extends Error {
  override name = 'MissingHandlerError';
}

/** Names of the functions server.js exports. */
export function exportedFunctions(exported: unknown): string[] {
  if (typeof exported !== 'object' || exported === null) return [];
  return Object.keys(exported).filter((name) => typeof (exported as Record<string, unknown>)[name] === 'function');
}

/**
 * The 2.0 registrations, `exports.events = [{event, callback}]`: event name to handler name; a callback given as a
 * function is addressed by its place in the array.
 */
export function legacyEvents(exported: unknown): Record<string, string> {
  const events = typeof exported === 'object' && exported !== null ? (exported as { events?: unknown }).events : undefined;
  if (!Array.isArray(events)) return {};
  const out: Record<string, string> = {};
  (events as unknown[]).forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) return;
    const { event, callback } = entry as { event?: unknown; callback?: unknown };
    if (typeof event !== 'string') return;
    if (typeof callback === 'string') out[event] = callback;
    else if (typeof callback === 'function') out[event] = `#events[${index}]`;
  });
  return out;
}

/** The handler function named `handler`, bound to nothing: the caller calls it with `exports` as `this`. */
export function pickHandler(exported: unknown, handler: string): (...args: unknown[]) => unknown {
  const index = EVENT_INDEX.exec(handler);
  const holder = (typeof exported === 'object' && exported !== null ? exported : {}) as Record<string, unknown>;
  let candidate: unknown;
  if (index) {
    const events = holder.events;
    const entry = Array.isArray(events) ? (events as unknown[])[Number(index[1])] : undefined;
    candidate = typeof entry === 'object' && entry !== null ? (entry as { callback?: unknown }).callback : undefined;
  } else {
    candidate = holder[handler];
  }
  if (typeof candidate !== 'function') {
    const known = exportedFunctions(exported);
    throw new MissingHandlerError(`server.js exports no function "${handler}"${known.length ? ` (it exports ${known.join(', ')})` : ''}`);
  }
  return candidate as (...args: unknown[]) => unknown;
}

