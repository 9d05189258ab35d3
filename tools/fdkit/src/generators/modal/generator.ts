import { generateFiles, joinPathFragments, names, type Tree } from '@nx/devkit';
import { entryFiles, kebabName } from '../placeholder/generator';
import { appendExport, exportedNames, GeneratorError, quotedValues, readAppLayout, refuseExisting } from '../workspace';

export interface ModalOptions {
  /** kebab-case: `app/<name>.html`, `src/entries/<name>.ts`, `cb-<name>`. */
  name: string;
}

/** The contract's export: `addNote` -> `addNoteModal` (a name already ending in Modal is kept). */
export function contractName(name: string): string {
  const property = names(name).propertyName;
  return property.endsWith('Modal') ? property : `${property}Modal`;
}

/**
 * A modal template: its contract (valibot, `defineModal`) in the contracts library, exported from its index; its root
 * component, entry and tests in the front end; and `src/app-part/modals/<name>.ts`, which the front-end build adds to
 * the app part.
 */
export default function modalGenerator(tree: Tree, options: ModalOptions): void {
  const layout = readAppLayout(tree);
  const name = kebabName(options.name, 'name');
  const contract = contractName(name);
  const index = joinPathFragments(layout.contracts, 'src/index.ts');

  if (quotedValues(tree, [joinPathFragments(layout.frontend, 'src/app-part.ts')], 'name').includes(name)) {
    throw new GeneratorError(`modal "${name}" is already defined in ${layout.frontend}/src/app-part.ts: choose another name`);
  }
  if (exportedNames(tree, index).includes(contract)) throw new GeneratorError(`${index} already exports ${contract}: choose another name`);
  refuseExisting(tree, [...entryFiles(layout.frontend, name), joinPathFragments(layout.contracts, `src/modals/${name}.ts`)], 'choose another name');

  const substitutions = { name, contract, className: names(name).className };
  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files/contracts'), layout.contracts, substitutions);
  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files/frontend'), layout.frontend, substitutions);
  appendExport(tree, index, `export { ${contract} } from './modals/${name}';`);
}
