import type {
  ClientEvent,
  ClientEventName,
  EntityType,
  InstanceInfo,
  InstanceLocation,
  InstanceMessageEnvelope,
} from '../../platform/client';
import type { ProductName } from '../../platform/products';

export type MessageReceiver = (event: ClientEvent<InstanceMessageEnvelope>) => void;
export type EventListener = (event: ClientEvent) => unknown;

/** One rendered app instance (a placeholder, modal or dialog) as the fake platform tracks it. */
export interface FakeInstance {
  readonly instanceId: string;
  readonly location: InstanceLocation;
  readonly product: ProductName;
  /** The record page it sits on; modals inherit their parent's. */
  readonly page: EntityType | undefined;
  readonly parentId?: string;
  readonly modalData?: unknown;
  active: boolean;
  height: number | undefined;
  readonly receivers: MessageReceiver[];
  readonly listeners: Map<ClientEventName, EventListener[]>;
}

/** Every instance the fake platform has rendered, by id ("1", "2", ... as the platform numbers them). */
export class InstanceRegistry {
  private readonly byId = new Map<string, FakeInstance>();
  private lastId = 0;

  create(fields: Pick<FakeInstance, 'location' | 'product' | 'page' | 'parentId' | 'modalData'>): FakeInstance {
    this.lastId += 1;
    const instance: FakeInstance = {
      ...fields,
      instanceId: String(this.lastId),
      active: true,
      height: undefined,
      receivers: [],
      listeners: new Map(),
    };
    this.byId.set(instance.instanceId, instance);
    return instance;
  }

  find(instanceId: string): FakeInstance | undefined {
    return this.byId.get(instanceId);
  }

  active(): FakeInstance[] {
    return [...this.byId.values()].filter((instance) => instance.active);
  }

  infos(): InstanceInfo[] {
    return this.active().map(({ instanceId, location }) => ({ instanceId, location }));
  }
}

export function isModalLike(instance: FakeInstance): boolean {
  return instance.location === 'modal' || instance.location === 'overlay' || instance.location === 'dialog';
}
