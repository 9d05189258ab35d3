export { PRODUCTS, PLACEHOLDERS, isProductName, isPlaceholderOf } from './platform/products';
export type { ProductName, PlaceholderName } from './platform/products';
