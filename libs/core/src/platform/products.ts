/** The products an omni app can target, in the platform's own names. */
export const PRODUCTS = ['freshworks_crm', 'freshsales'] as const;
export type ProductName = (typeof PRODUCTS)[number];

const CRM_PLACEHOLDERS = [
  'contact_entity_menu',
  'deal_entity_menu',
  'sales_account_entity_menu',
  'left_nav_cti',
  'full_page_app',
] as const;

/** Placeholders each product renders apps in; leads exist only in Freshsales Classic. */
export const PLACEHOLDERS = {
  freshworks_crm: CRM_PLACEHOLDERS,
  freshsales: [...CRM_PLACEHOLDERS, 'lead_entity_menu', 'left_nav_chat'],
} as const satisfies Record<ProductName, readonly string[]>;

export type PlaceholderName<P extends ProductName = ProductName> = (typeof PLACEHOLDERS)[P][number];

export function isProductName(value: unknown): value is ProductName {
  return typeof value === 'string' && (PRODUCTS as readonly string[]).includes(value);
}

export function isPlaceholderOf<P extends ProductName>(product: P, name: string): name is PlaceholderName<P> {
  return (PLACEHOLDERS[product] as readonly string[]).includes(name);
}
