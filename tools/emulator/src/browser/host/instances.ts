import type { ProductName } from '@callbridge/core';
import type { MessageTarget } from '../client/transport';

/** Anything with a window to post to: an iframe element in the browser, a fake in tests. */
export interface FrameLike {
  readonly contentWindow: MessageTarget | null;
}

export interface HostInstance {
  /** "1", "2", ...: numeric strings, as the platform hands them out. */
  id: string;
  /** The placeholder, `modal` for modals and dialogs, or `installation` for installation pages. */
  location: string;
  product: ProductName;
  frame: FrameLike;
  parentId?: string;
  modalData?: unknown;
  /** Set once the app called `app.initialized()`; events wait in `queue` until then. */
  ready: boolean;
  queue: { name: string; data: unknown }[];
}

export type NewInstance = Pick<HostInstance, 'location' | 'product' | 'frame'> & Partial<Pick<HostInstance, 'parentId' | 'modalData'>>;

/** Every app instance on the host page: placeholders, docked apps and the modals they opened. */
export class InstanceRegistry {
  private readonly byId = new Map<string, HostInstance>();
  private next = 0;

  add(spec: NewInstance): HostInstance {
    const instance: HostInstance = { ...spec, id: String(++this.next), ready: false, queue: [] };
    this.byId.set(instance.id, instance);
    return instance;
  }

  get(id: string): HostInstance | undefined {
    return this.byId.get(id);
  }

  /** Which instance a message came from: the one whose frame's window sent it; anything else is a stranger. */
  bySource(source: unknown): HostInstance | undefined {
    if (source === null || source === undefined) return undefined;
    for (const instance of this.byId.values()) if (instance.frame.contentWindow === source) return instance;
    return undefined;
  }

  /** Removes an instance and the modals it opened; answers what was removed, children first. */
  remove(id: string): HostInstance[] {
    const instance = this.byId.get(id);
    if (!instance) return [];
    const removed = this.list()
      .filter((child) => child.parentId === id)
      .flatMap((child) => this.remove(child.id));
    this.byId.delete(id);
    return [...removed, instance];
  }

  list(): HostInstance[] {
    return [...this.byId.values()];
  }

  /** Instances that called `app.initialized()`: what `instance.get()` lists and `send` may reach. */
  active(): HostInstance[] {
    return this.list().filter((instance) => instance.ready);
  }

  /** The placeholder a modal belongs to, following `parentId`. */
  root(instance: HostInstance): HostInstance {
    let current = instance;
    const seen = new Set<string>();
    while (current.parentId !== undefined && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = this.byId.get(current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current;
  }
}
