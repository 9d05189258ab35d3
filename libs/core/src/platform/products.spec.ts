import { describe, expect, it } from 'vitest';
import { isPlaceholderOf, isProductName, PLACEHOLDERS, PRODUCTS } from './products';

describe('products and placeholders', () => {
  it('knows both products of the omni app', () => {
    expect(PRODUCTS).toEqual(['freshworks_crm', 'freshsales']);
    expect(isProductName('freshsales')).toBe(true);
    expect(isProductName('freshdesk')).toBe(false);
    expect(isProductName(42)).toBe(false);
  });

  it('offers the lead panel only in Freshsales', () => {
    expect(isPlaceholderOf('freshsales', 'lead_entity_menu')).toBe(true);
    expect(isPlaceholderOf('freshworks_crm', 'lead_entity_menu')).toBe(false);
  });

  it('offers the entity menus and the phone app in both products', () => {
    for (const product of PRODUCTS) {
      for (const name of ['contact_entity_menu', 'deal_entity_menu', 'sales_account_entity_menu', 'left_nav_cti']) {
        expect(isPlaceholderOf(product, name)).toBe(true);
      }
    }
    expect(PLACEHOLDERS.freshsales).toContain('left_nav_chat');
  });
});
