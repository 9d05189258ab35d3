import { join } from 'node:path';
import { writeJson, writeText } from '../../src/assemble/files';

/** A small workspace with built front-end and serverless outputs, as `fdkit assemble` reads them. */
export const config = {
  name: 'demo-app',
  description: 'A demo',
  products: ['freshworks_crm', 'freshsales'],
  engines: { node: '18.20.8', fdk: '9.7.4' },
  frontend: 'apps/web',
  serverless: 'apps/server',
  sources: ['apps/web'],
};

export const frontendPart = {
  placeholders: [
    { placeholder: 'contact_entity_menu', entry: 'contact', icon: 'icon.svg', products: ['freshworks_crm', 'freshsales'] },
    { placeholder: 'lead_entity_menu', entry: 'lead', icon: 'icon.svg', products: ['freshsales'] },
  ],
  modals: [{ name: 'log-call', entry: 'modal' }],
};

export const serverlessPart = {
  events: [
    { event: 'onAppInstall', handler: 'onAppInstall', products: ['freshworks_crm', 'freshsales'] },
    { event: 'onLeadCreate', handler: 'onLeadCreate', products: ['freshsales'] },
  ],
  functions: [{ name: 'findByPhone', timeout: 10, products: ['freshworks_crm', 'freshsales'] }],
  iparams: { api_token: { displayName: 'API token', type: 'text', required: true, secure: true } },
  requests: {
    listCalls: { schema: { method: 'GET', host: 'api.example.com', path: '/v1/calls', headers: { Authorization: 'Bearer <%= iparam.api_token %>' } }, options: { maxAttempts: 3 } },
  },
};

export async function workspace(root: string, overrides: { config?: object; frontendPart?: object; serverlessPart?: object } = {}) {
  await writeJson(join(root, 'fdkit.json'), overrides.config ?? config);
  const web = join(root, 'apps/web');
  await writeText(join(web, 'package.json'), '{"name":"web"}\n');
  await writeText(join(web, 'src/contact.ts'), 'export {};\n');
  await writeText(join(web, 'node_modules/x/index.js'), 'never shipped\n');
  await writeJson(join(web, 'dist/entries.json'), {
    contact: { file: 'contact-AAAA1111.js', loads: ['contact-AAAA1111.js', 'chunks/chunk-BBBB2222.js'] },
    lead: { file: 'lead-CCCC3333.js', loads: ['lead-CCCC3333.js', 'chunks/chunk-BBBB2222.js'] },
    modal: { file: 'modal-DDDD4444.js', loads: ['modal-DDDD4444.js'] },
  });
  for (const f of ['contact-AAAA1111.js', 'lead-CCCC3333.js', 'modal-DDDD4444.js', 'chunks/chunk-BBBB2222.js']) await writeText(join(web, 'dist', f), `/* ${f} */\n`);
  await writeText(join(web, 'dist/icons/icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  await writeJson(join(web, 'dist/app-part.json'), overrides.frontendPart ?? frontendPart);
  await writeText(join(root, 'apps/server/dist/server.js'), 'exports = {};\n');
  await writeJson(join(root, 'apps/server/dist/app-part.json'), overrides.serverlessPart ?? serverlessPart);
  await writeJson(join(root, 'apps/server/test_data/onAppInstall.json'), { own: true });
}

