import { isPlaceholderOf, PLACEHOLDERS, type EntityType } from '@callbridge/core';
import { generateFiles, joinPathFragments, names, type Tree } from '@nx/devkit';
import { chooseProducts, GeneratorError, literalList, modulesIn, quotedValues, readAppLayout, refuseExisting } from '../workspace';

export interface PlaceholderOptions {
  /** The entry's name, kebab-case: `src/entries/<name>.ts`, `cb-<name>`, `icons/<name>.svg`. */
  name: string;
  placeholder: string;
  /** Comma-separated; every app product that has the placeholder when omitted. */
  products?: string;
}

/** The record a record menu placeholder shows; the others (full page, navigation) show the rep's own things. */
const RECORD_TYPES: Readonly<Record<string, EntityType>> = {
  contact_entity_menu: 'contact',
  deal_entity_menu: 'deal',
  sales_account_entity_menu: 'sales_account',
  lead_entity_menu: 'lead',
};

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A front-end name (entry, element, folder): kebab-case, however it was typed. */
export function kebabName(option: string, what: string): string {
  const name = names(option.trim()).fileName;
  if (!KEBAB.test(name)) throw new GeneratorError(`${what} "${option}": use lowercase words and digits joined by -, such as call-stats`);
  return name;
}

/** Navigation icons are 20 x 20; the full page and record menu icons 64 x 64. */
export function iconSize(placeholder: string): number {
  return placeholder.startsWith('left_nav_') ? 20 : 64;
}

/** Files an entry name would take in the front end; any of them existing means the name is taken. */
export function entryFiles(frontend: string, entry: string): string[] {
  return [`src/entries/${entry}.ts`, `src/${entry}`, `src/app-part/placeholders/${entry}.ts`, `src/app-part/modals/${entry}.ts`, `icons/${entry}.svg`].map((file) =>
    joinPathFragments(frontend, file),
  );
}

/**
 * A product placeholder: its root component with the loading, data and error (with Retry) states over the host
 * port, its entry, its icon, a test against the fake platform, and `src/app-part/placeholders/<name>.ts`, which the
 * front-end build adds to the app part.
 */
export default function placeholderGenerator(tree: Tree, options: PlaceholderOptions): void {
  const layout = readAppLayout(tree);
  const entry = kebabName(options.name, 'name');
  const { placeholder } = options;
  const everywhere = Object.values(PLACEHOLDERS).flat() as readonly string[];
  if (!everywhere.includes(placeholder)) throw new GeneratorError(`--placeholder "${placeholder}": not a placeholder of Freshworks CRM or Freshsales; use one of ${[...new Set(everywhere)].join(', ')}`);
  const products = chooseProducts(
    options.products,
    layout.products.filter((product) => isPlaceholderOf(product, placeholder)),
    `placeholder ${placeholder}`,
  );

  const partFiles = [
    joinPathFragments(layout.frontend, 'src/app-part.ts'),
    ...modulesIn(tree, joinPathFragments(layout.frontend, 'src/app-part/placeholders')).map((name) => joinPathFragments(layout.frontend, `src/app-part/placeholders/${name}.ts`)),
  ];
  if (quotedValues(tree, partFiles, 'placeholder').includes(placeholder)) {
    throw new GeneratorError(`${placeholder} is already rendered by this app (see ${layout.frontend}/src/app-part.ts and src/app-part/placeholders/): a product shows one entry per placeholder`);
  }
  refuseExisting(tree, entryFiles(layout.frontend, entry), 'choose another name');

  const size = iconSize(placeholder);
  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files'), layout.frontend, {
    entry,
    className: names(entry).className,
    placeholder,
    products: literalList(products),
    productNames: products.join(' and '),
    product: products[0],
    recordType: RECORD_TYPES[placeholder] ?? '',
    size,
  });
}
