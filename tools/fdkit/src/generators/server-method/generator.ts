import { SERVER_METHOD_NAME } from '@callbridge/core';
import { generateFiles, joinPathFragments, names, type Tree } from '@nx/devkit';
import { newExportName } from '../event-handler/generator';
import { appendExport, chooseProducts, exportedNames, GeneratorError, literalList, namesDefinedBy, readAppLayout, refuseExisting } from '../workspace';

export interface ServerMethodOptions {
  /** camelCase: what `client.request.invoke` names and server.js exports. */
  name: string;
  /** Seconds, 1 to 20. */
  timeout?: number;
  products?: string;
}

/**
 * A server method (SMI function): its contract in the contracts library (`defineServerMethodContract`, exported from
 * the index), the handler `src/exports/<name>.ts` (`implementServerMethod`), its declaration
 * `src/app-part/functions/<name>.ts`, a front-end usage test over the fake platform, and tests.
 */
export default function serverMethodGenerator(tree: Tree, options: ServerMethodOptions): void {
  const layout = readAppLayout(tree);
  const { propertyName: name, fileName } = names(options.name.trim());
  if (!SERVER_METHOD_NAME.test(name)) throw new GeneratorError(`name "${options.name}": the platform accepts server method names matching [A-Za-z_][A-Za-z0-9_]{1,39}`);
  const timeout = options.timeout ?? 10;
  if (!(Number.isInteger(timeout) && timeout >= 1 && timeout <= 20)) throw new GeneratorError(`--timeout ${timeout}: the platform waits 1 to 20 whole seconds`);
  const products = chooseProducts(options.products, layout.products, `server method ${name}`);
  newExportName(tree, layout, name, 'name');
  const index = joinPathFragments(layout.contracts, 'src/index.ts');
  if (namesDefinedBy(tree, 'defineServerMethodContract', [joinPathFragments(layout.contracts, 'src')]).includes(name) || exportedNames(tree, index).includes(name)) {
    throw new GeneratorError(`${layout.contracts} already has a contract or export named ${name}: choose another name`);
  }
  refuseExisting(
    tree,
    [
      joinPathFragments(layout.contracts, `src/methods/${fileName}.ts`),
      joinPathFragments(layout.serverless, `src/app-part/functions/${name}.ts`),
      joinPathFragments(layout.frontend, `src/server-methods/${fileName}.spec.ts`),
    ],
    'choose another name',
  );

  const substitutions = { name, fileName, timeout, products: literalList(products), productNames: products.join(' and '), product: products[0] };
  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files/contracts'), layout.contracts, substitutions);
  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files/serverless'), layout.serverless, substitutions);
  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files/frontend'), layout.frontend, substitutions);
  appendExport(tree, index, `export { ${name} } from './methods/${fileName}';`);
}
