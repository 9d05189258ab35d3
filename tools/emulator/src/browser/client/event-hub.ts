/** What an app's event callback gets: `event.helper.getData()` as documented, `event.data` as some samples read it. */
export interface ClientEventObject {
  type: string;
  data: unknown;
  helper: { getData(): unknown };
}

export type ClientEventCallback = (event: ClientEventObject) => unknown;

export function eventObject(type: string, data: unknown): ClientEventObject {
  return { type, data, helper: { getData: () => data } };
}

/**
 * The events an instance hears. An event that arrives before any listener for its name was registered is kept (the
 * latest one), and handed to the first listener: apps often register `app.activated` a tick after `initialized`.
 */
export class EventHub {
  private readonly listeners = new Map<string, Set<ClientEventCallback>>();
  private readonly registered = new Set<string>();
  private readonly unheard = new Map<string, unknown>();

  constructor(private readonly report: (error: unknown) => void = (error) => console.error('fdk emulator: an event callback failed:', error)) {}

  on(name: string, callback: ClientEventCallback): void {
    if (typeof callback !== 'function') throw new TypeError(`events.on("${name}"): the callback must be a function`);
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(callback);
    if (this.registered.has(name)) return;
    this.registered.add(name);
    if (this.unheard.has(name)) {
      const data = this.unheard.get(name);
      this.unheard.delete(name);
      queueMicrotask(() => this.call(callback, name, data));
    }
  }

  off(name: string, callback: ClientEventCallback): void {
    this.listeners.get(name)?.delete(callback);
  }

  emit(name: string, data: unknown): void {
    const set = this.listeners.get(name);
    if (!this.registered.has(name)) {
      this.unheard.set(name, data);
      return;
    }
    for (const callback of set ?? []) this.call(callback, name, data);
  }

  private call(callback: ClientEventCallback, name: string, data: unknown): void {
    try {
      const result = callback(eventObject(name, data));
      if (result instanceof Promise) result.catch(this.report);
    } catch (error) {
      this.report(error);
    }
  }
}
