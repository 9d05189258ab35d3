import type { FindingSink } from '../finding';
import { formatJsonPath, type JsonPath } from '../json-path';
import { parseAt, reportUnknownKeys } from '../schema-issues';
import { OPTION_KEYS, REQUESTS_FILE, type RequestTemplate, SCHEMA_KEYS, TEMPLATE_KEYS, templateSchema } from './requests-schema';
import { iparamsRead, isKnownSubstitution, scanSubstitutions, usesAccessToken } from './template-substitutions';

const RULE = 'requests-schema';

/** What a template is checked against beyond its own shape. */
export interface TemplateContext {
  sink: FindingSink;
  /** Secure iparams by name, when the installation page is iparams.json (otherwise unknown). */
  secureIparams: ReadonlySet<string> | undefined;
  oauthPresent: boolean;
  /** 3.x: integration names from oauth_config.json. */
  integrations: ReadonlySet<string>;
  major: number;
}

/** Checks one entry of config/requests.json. */
export function checkTemplate(name: string, value: unknown, tc: TemplateContext): void {
  const path: JsonPath = [name];
  const target = { sink: tc.sink, file: REQUESTS_FILE, rule: RULE, path };
  reportUnknownKeys(value, TEMPLATE_KEYS, target, `request template "${name}"`);
  const template = parseAt(templateSchema, value, target);
  if (!template) return;
  // The parsed template drops unknown keys, so look for them in what was written.
  const written = value as { schema: unknown; options?: unknown };
  reportUnknownKeys(written.schema, SCHEMA_KEYS, { ...target, path: [name, 'schema'] }, 'a template schema');
  reportUnknownKeys(written.options, OPTION_KEYS, { ...target, path: [name, 'options'] }, 'template options');
  checkHostAndPath(name, template, tc.sink);
  checkStrings(name, template, tc);
}

function checkHostAndPath(name: string, template: RequestTemplate, sink: FindingSink): void {
  const { host, path } = template.schema;
  if (/[/?#\s]/.test(host.replace(/<%=[\s\S]*?%>/g, 'x'))) {
    sink.error(RULE, REQUESTS_FILE, formatJsonPath([name, 'schema', 'host']), `Request template '${name}' host "${host}" must be a bare domain such as api.example.com, with no scheme or path; put the scheme in "protocol" and the rest in "path"`);
  }
  if (path !== undefined && !path.startsWith('/') && !path.startsWith('<%=')) {
    sink.error(RULE, REQUESTS_FILE, formatJsonPath([name, 'schema', 'path']), `Request template '${name}' schema/path must start with '/'`);
  }
}

/** Substitutions must be well formed, secure iparams may appear only in headers, access_token needs OAuth. */
function checkStrings(name: string, template: RequestTemplate, tc: TemplateContext): void {
  const { schema, options } = template;
  const strings: { value: string; path: JsonPath; inHeader: boolean }[] = [
    { value: schema.host, path: [name, 'schema', 'host'], inHeader: false },
    ...(schema.path === undefined ? [] : [{ value: schema.path, path: [name, 'schema', 'path'], inHeader: false }]),
    ...Object.entries(schema.headers ?? {}).map(([key, value]) => ({ value, path: [name, 'schema', 'headers', key], inHeader: true })),
    ...Object.entries(schema.query ?? {}).map(([key, value]) => ({ value, path: [name, 'schema', 'query', key], inHeader: false })),
  ];
  const isOAuth = options?.isOAuth === true || options?.oauth !== undefined;
  for (const { value, path, inHeader } of strings) {
    const at = formatJsonPath(path);
    const scan = scanSubstitutions(value);
    if (!scan.ok) {
      tc.sink.error(RULE, REQUESTS_FILE, at, `Request template '${name}': ${scan.message}`);
      continue;
    }
    for (const { expression } of scan.substitutions) {
      if (!isKnownSubstitution(expression)) {
        tc.sink.warn(RULE, REQUESTS_FILE, at, `Request template '${name}' substitutes "${expression}", which is none of iparam.<name>, context.<name>, encode(...) or access_token`);
      }
      for (const iparam of iparamsRead(expression)) {
        if (!inHeader && tc.secureIparams?.has(iparam)) {
          tc.sink.error(RULE, REQUESTS_FILE, at, `Request template '${name}' uses secure iparam "${iparam}" outside headers; secure iparams may be substituted only in headers`);
        }
      }
      if (usesAccessToken(expression) && !isOAuth) {
        tc.sink.error(RULE, REQUESTS_FILE, at, `Request template '${name}' substitutes access_token but is not an OAuth request; add "options": {"isOAuth": true}`);
      }
    }
  }
  checkOAuthOptions(name, template, tc);
}

function checkOAuthOptions(name: string, template: RequestTemplate, tc: TemplateContext): void {
  const options = template.options;
  if (!options) return;
  const at = (key: string): string => formatJsonPath([name, 'options', key]);
  if (options.isOAuth === true && !tc.oauthPresent) {
    tc.sink.error('oauth-schema', REQUESTS_FILE, at('isOAuth'), `Request template '${name}' is an OAuth request, but config/oauth_config.json does not exist; add it with client_id, client_secret, authorize_url, token_url and token_type`);
  }
  if (options.oauth !== undefined) {
    if (tc.major !== 3) tc.sink.error(RULE, REQUESTS_FILE, at('oauth'), `options.oauth names a 3.x OAuth integration; on 2.3 write "isOAuth": true`);
    else if (!tc.integrations.has(options.oauth)) {
      tc.sink.error('oauth-schema', REQUESTS_FILE, at('oauth'), `Request template '${name}' names OAuth integration "${options.oauth}", which config/oauth_config.json does not define under "integrations"`);
    }
  }
}
