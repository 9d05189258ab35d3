import { describe, expect, it } from 'vitest';
import { InstanceRegistry } from './instances';

describe('InstanceRegistry', () => {
  it('finds instances by the window a message came from, and never for nothing', () => {
    const registry = new InstanceRegistry();
    const win = { postMessage() {} };
    const instance = registry.add({ location: 'contact_entity_menu', product: 'freshsales', frame: { contentWindow: win } });
    registry.add({ location: 'deal_entity_menu', product: 'freshsales', frame: { contentWindow: null } });
    expect(registry.bySource(win)).toBe(instance);
    expect(registry.bySource(null)).toBeUndefined();
    expect(registry.bySource({})).toBeUndefined();
  });

  it('removes modals with their opener and follows parents to the placeholder', () => {
    const registry = new InstanceRegistry();
    const frame = { contentWindow: null };
    const menu = registry.add({ location: 'contact_entity_menu', product: 'freshsales', frame });
    const modal = registry.add({ location: 'modal', product: 'freshsales', frame, parentId: menu.id });
    const nested = registry.add({ location: 'modal', product: 'freshsales', frame, parentId: modal.id });
    const orphan = registry.add({ location: 'modal', product: 'freshsales', frame, parentId: '99' });
    expect(registry.root(nested)).toBe(menu);
    expect(registry.root(orphan)).toBe(orphan);
    expect(registry.remove(menu.id).map((i) => i.id)).toEqual([nested.id, modal.id, menu.id]);
    expect(registry.remove('nope')).toEqual([]);
    expect(registry.list()).toEqual([orphan]);
    expect(registry.get(orphan.id)).toBe(orphan);
  });
});
