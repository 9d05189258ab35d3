import { z } from 'zod';
import type { CheckContext } from '../context';
import { readJsonFile } from '../files/read-json';
import { describeJsonValue, type JsonPath } from '../json-path';
import type { PlatformVersion } from '../platform/versions';
import { checkIparamFields } from '../iparams/iparam-fields';
import { isRecord, parseAt, reportUnknownKeys } from '../schema-issues';

export const OAUTH_FILE = 'config/oauth_config.json';
const RULE = 'oauth-schema';
/** An https URL, or a substitution that yields one (`<%= oauth_iparams.domain %>`). */
const URL_OR_TEMPLATE = /^(https:\/\/\S+|<%=[\s\S]+%>\S*)$/;

const integrationSchema = z.object({
  display_name: z.string().min(1).optional(),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  authorize_url: z.string().regex(URL_OR_TEMPLATE, { error: 'must be an https:// URL' }),
  token_url: z.string().regex(URL_OR_TEMPLATE, { error: 'must be an https:// URL' }),
  options: z.record(z.string(), z.unknown()).optional(),
  token_type: z.enum(['account', 'agent']),
  oauth_iparams: z.unknown().optional(),
});
const KNOWN = ['display_name', 'client_id', 'client_secret', 'authorize_url', 'token_url', 'options', 'token_type', 'oauth_iparams'];

export interface OAuthRead {
  present: boolean;
  /** 3.x integration names, which request templates name in `options.oauth`. */
  integrations: Set<string>;
}

/** config/oauth_config.json: flat on 2.x, wrapped in `integrations` on 3.x. */
export function checkOAuth(version: PlatformVersion | undefined, products: readonly string[], ctx: CheckContext): OAuthRead {
  const read = readJsonFile(ctx.folder, OAUTH_FILE, ctx.sink);
  if (read.status === 'missing') return { present: false, integrations: new Set() };
  if (read.status === 'broken' || !version) return { present: true, integrations: new Set() };
  const config = read.value;
  if (!isRecord(config)) {
    ctx.sink.error(RULE, OAUTH_FILE, '', `oauth_config.json must hold an object, found ${describeJsonValue(config)}`);
    return { present: true, integrations: new Set() };
  }
  if (version.major === 3) {
    if (!isRecord(config.integrations)) {
      ctx.sink.error(RULE, OAUTH_FILE, 'integrations', `on platform ${version.raw} the OAuth settings go under "integrations": {"<name>": {client_id, client_secret, authorize_url, token_url, token_type}}`);
      return { present: true, integrations: new Set() };
    }
    for (const [name, integration] of Object.entries(config.integrations)) checkIntegration(integration, ['integrations', name], products, ctx);
    return { present: true, integrations: new Set(Object.keys(config.integrations)) };
  }
  if (config.integrations !== undefined) {
    ctx.sink.error(RULE, OAUTH_FILE, 'integrations', `"integrations" is the 3.x layout; on platform ${version.raw} write client_id, client_secret, authorize_url, token_url and token_type at the top level`);
    return { present: true, integrations: new Set() };
  }
  checkIntegration(config, [], products, ctx);
  return { present: true, integrations: new Set() };
}

function checkIntegration(value: unknown, path: JsonPath, products: readonly string[], ctx: CheckContext): void {
  const target = { sink: ctx.sink, file: OAUTH_FILE, rule: RULE, path };
  reportUnknownKeys(value, KNOWN, target, 'an OAuth configuration');
  parseAt(integrationSchema, value, target);
  if (!isRecord(value) || value.oauth_iparams === undefined) return;
  checkIparamFields(value.oauth_iparams, { ...target, path: [...path, 'oauth_iparams'], products });
}
