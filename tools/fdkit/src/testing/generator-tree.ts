import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const workspaceRoot = resolve(import.meta.dirname, '../../../..');

/** The platform samples the generator tests read, copied from the core so the tree holds only what a test needs. */
const SAMPLES = ['onTaskCreate', 'onScheduledEvent', 'onExternalEvent', 'afterAppUpdate'];

/**
 * An in-memory Callbridge workspace as the generators see it: fdkit.json, the static app parts (a contact panel and a
 * modal; onAppInstall; findByPhone), the contracts' index and iparams, a library request template and a few of the
 * platform's samples. Nothing is written to disk.
 */
export function generatorTree(): Tree {
  const tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
  tree.write(
    'fdkit.json',
    JSON.stringify({
      name: 'callbridge',
      description: 'Calls',
      products: ['freshworks_crm', 'freshsales'],
      engines: { node: '18.20.8', fdk: '9.7.4' },
      frontend: 'apps/frontend',
      serverless: 'apps/serverless',
      sources: ['apps/frontend'],
    }),
  );
  tree.write(
    'apps/frontend/src/app-part.ts',
    `export const frontendPart: FrontendPart = {
  placeholders: [{ placeholder: 'contact_entity_menu', entry: 'contact', icon: 'phone.svg', products: BOTH }],
  modals: [{ name: 'modal', entry: 'modal' }],
};
`,
  );
  tree.write('apps/frontend/src/entries/contact.ts', '');
  tree.write('apps/frontend/src/entries/modal.ts', '');
  tree.write('apps/serverless/src/app-part.ts', `export const serverlessPart = {\n  events: [{ event: 'onAppInstall', handler: 'onAppInstall', products: BOTH }],\n};\n`);
  tree.write('apps/serverless/src/server.ts', `export { onAppInstall } from './handlers/on-app-install';\nexport { findByPhone, type Unused } from './handlers/server-methods';\n`);
  tree.write('libs/contracts/src/index.ts', `export { iparams } from './iparams';\nexport { SERVER_METHODS, findByPhone } from './server-methods';\nexport type { CallRecord } from './calls';\n`);
  tree.write('libs/contracts/src/server-methods.ts', `export const findByPhone = defineServerMethodContract({\n  name: 'findByPhone',\n});\n`);
  tree.write('libs/contracts/src/iparams.ts', `export const iparams = defineIparams({\n  crm_api_key: { displayName: 'CRM API key', type: 'text', secure: true },\n});\n`);
  tree.write('libs/phone-provider/src/aircall/templates.ts', `export const aircallDial = defineRequestTemplate({\n  name: 'aircallDial',\n});\n`);
  for (const product of ['freshworks_crm', 'freshsales']) {
    for (const event of SAMPLES) {
      const file = `libs/core/payloads/${product}/${event}.json`;
      tree.write(file, readFileSync(resolve(workspaceRoot, file)));
    }
  }
  return tree;
}

/** A generated file's text; fails the test, naming the file, when it was not written. */
export function textOf(tree: Tree, file: string): string {
  const text = tree.read(file, 'utf-8');
  if (text === null) throw new Error(`${file} was not generated`);
  return text;
}
