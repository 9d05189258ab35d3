import { generateFiles, joinPathFragments, names, type Tree } from '@nx/devkit';
import { GeneratorError, namesDefinedBy, readAppLayout, refuseExisting } from '../workspace';

export interface RequestTemplateOptions {
  /** camelCase; letters, digits, _ and - as the platform allows. */
  name: string;
  /** A bare domain. */
  host: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path?: string;
  /** A secure iparam sent as a Bearer token. */
  authIparam?: string;
}

const TEMPLATE_NAME = /^[A-Za-z0-9_-]+$/;
const BARE_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;
const IPARAMS = 'src/iparams.ts';

/**
 * A request template: `src/requests/<name>.ts` (`defineRequestTemplate` with a response schema), its test with msw on
 * platforms 2.1 and 2.3 through the platform's fake `$request`, and `src/app-part/requests/<name>.ts`, which the
 * serverless build adds to the app's requests.
 */
export default function requestTemplateGenerator(tree: Tree, options: RequestTemplateOptions): void {
  const layout = readAppLayout(tree);
  const { propertyName: name, fileName } = names(options.name.trim());
  if (!TEMPLATE_NAME.test(name)) throw new GeneratorError(`name "${options.name}": use letters, digits, _ and -, such as statsListReports`);
  const host = options.host.trim().toLowerCase();
  if (!BARE_DOMAIN.test(host)) throw new GeneratorError(`--host "${options.host}": give the API's bare domain, such as api.example.com (no scheme, port or path)`);
  const path = options.path ?? '/';
  if (!path.startsWith('/') || /[<>%\s?#]/.test(path)) {
    throw new GeneratorError(`--path "${path}": give a path from /, such as /v1/reports, without query or substitutions (add <%= context.x %> after generating)`);
  }
  const method = options.method ?? 'GET';
  const { authIparam } = options;
  if (authIparam !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(authIparam)) throw new GeneratorError(`--auth-iparam "${authIparam}": iparam names are letters, digits and _`);
    const iparams = tree.read(joinPathFragments(layout.contracts, IPARAMS), 'utf-8') ?? '';
    if (!new RegExp(`^\\s*${authIparam}\\s*:`, 'm').test(iparams)) {
      throw new GeneratorError(`--auth-iparam "${authIparam}": the app defines no such iparam in ${layout.contracts}/${IPARAMS}; add it there (secure: true) first`);
    }
  }
  if (namesDefinedBy(tree, 'defineRequestTemplate', ['libs', joinPathFragments(layout.serverless, 'src')]).includes(name)) {
    throw new GeneratorError(`request template "${name}" is already defined; template names are unique in an app`);
  }
  refuseExisting(
    tree,
    [joinPathFragments(layout.serverless, `src/requests/${fileName}.ts`), joinPathFragments(layout.serverless, `src/app-part/requests/${name}.ts`)],
    'choose another name',
  );

  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files'), layout.serverless, {
    name,
    fileName,
    host,
    path,
    method,
    authIparam: authIparam ?? '',
    // Reads and deletes are safe to repeat; a retried write could happen twice.
    retries: method === 'GET' || method === 'DELETE',
  });
}
