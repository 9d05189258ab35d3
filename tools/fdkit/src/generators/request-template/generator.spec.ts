import { describe, expect, it } from 'vitest';
import { generatorTree, textOf } from '../../testing/generator-tree';
import requestTemplateGenerator from './generator';

const serverless = 'apps/serverless';

describe('request-template generator', () => {
  it('writes a typed template, its msw test on 2.1 and 2.3, and its app-part file', () => {
    const tree = generatorTree();
    requestTemplateGenerator(tree, { name: 'stats-list-reports', host: 'API.example.com', path: '/v1/reports' });
    const template = textOf(tree, `${serverless}/src/requests/stats-list-reports.ts`);
    expect(template).toContain("export const statsListReports = defineRequestTemplate({\n  name: 'statsListReports',\n  schema: {\n    method: 'GET',\n    host: 'api.example.com',\n    path: '/v1/reports',\n  },");
    expect(template).toContain('options: { maxAttempts: 2, retryDelay: 500 },');
    expect(template).not.toContain('iparam');
    const spec = textOf(tree, `${serverless}/src/requests/stats-list-reports.spec.ts`);
    expect(spec).toContain("describe.each(['2.1', '2.3'] as const)");
    expect(spec).toContain("http.get(url, ({ request }) => {");
    expect(spec).toContain("authorization: null }]");
    expect(textOf(tree, `${serverless}/src/app-part/requests/statsListReports.ts`)).toContain("export { statsListReports as default } from '../../requests/stats-list-reports';");
  });

  it('sends a secure iparam as a Bearer token the platform fills in, and never retries a write', () => {
    const tree = generatorTree();
    requestTemplateGenerator(tree, { name: 'crmCreateNote', host: 'crm.example.com', method: 'POST', path: '/api/notes', authIparam: 'crm_api_key' });
    const template = textOf(tree, `${serverless}/src/requests/crm-create-note.ts`);
    expect(template).toContain("headers: { Authorization: 'Bearer <%= iparam.crm_api_key %>' },");
    expect(template).toContain("secureIparams: ['crm_api_key'],");
    expect(template).toContain('options: { maxAttempts: 1, retryDelay: 500 },');
    expect(template).toContain("hints: { 401: 'check crm_api_key in the installation settings'");
    expect(textOf(tree, `${serverless}/src/requests/crm-create-note.spec.ts`)).toContain("authorization: 'Bearer secret-token' }]");
  });

  it.each([
    [{ name: 'aircallDial', host: 'api.aircall.io' }, /request template "aircallDial" is already defined/],
    [{ name: '$$', host: 'api.example.com' }, /name "\$\$": use letters, digits, _ and -/],
    [{ name: 'x', host: 'https://api.example.com' }, /--host "https:\/\/api.example.com": give the API's bare domain/],
    [{ name: 'x', host: 'api.example.com', path: 'v1' }, /--path "v1": give a path from \//],
    [{ name: 'x', host: 'api.example.com', path: '/v1/<%= context.id %>' }, /add <%= context.x %> after generating/],
    [{ name: 'x', host: 'api.example.com', authIparam: 'stats_token' }, /--auth-iparam "stats_token": the app defines no such iparam in libs\/contracts\/src\/iparams.ts/],
    [{ name: 'x', host: 'api.example.com', authIparam: 'a.b' }, /--auth-iparam "a.b": iparam names are letters, digits and _/],
  ])('refuses %j, saying why', (options, message) => {
    const tree = generatorTree();
    const before = tree.listChanges().length;
    expect(() => requestTemplateGenerator(tree, options)).toThrow(message);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses a name an earlier generated template took', () => {
    const tree = generatorTree();
    requestTemplateGenerator(tree, { name: 'statsGet', host: 'api.example.com' });
    expect(() => requestTemplateGenerator(tree, { name: 'statsGet', host: 'api.example.com' })).toThrow(/request template "statsGet" is already defined/);
  });
});
