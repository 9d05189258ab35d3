import type { CheckContext } from '../context';
import { readJsonFile } from '../files/read-json';
import type { FileFacts } from '../iparams/page-scripts';
import type { IparamsRead } from '../iparams/check-iparams';
import { describeJsonValue, formatJsonPath } from '../json-path';
import { allRequests, MANIFEST_FILE, type ManifestModel } from '../manifest/manifest-model';
import type { OAuthRead } from '../oauth/check-oauth';
import { supports } from '../platform/versions';
import { isRecord } from '../schema-issues';
import { checkTemplate } from './check-template';
import { MAX_TEMPLATES, REQUESTS_FILE } from './requests-schema';

/**
 * Request templates (2.3+): config/requests.json is well formed, every template is both defined there and
 * declared in the manifest, every invokeTemplate names a declared one, and free-form requests are gone.
 */
export function checkRequests(model: ManifestModel, iparams: IparamsRead, oauth: OAuthRead, scripts: readonly FileFacts[], ctx: CheckContext): void {
  const { sink } = ctx;
  const templatesSupported = model.version.major === 3 || supports(model.version, 'requests');
  if (!templatesSupported) {
    if (ctx.folder.files.has(REQUESTS_FILE)) sink.warn('requests-version', REQUESTS_FILE, '', `request templates need platform-version 2.3 or later (this app is ${model.version.raw}), so the platform ignores config/requests.json`);
    for (const { file, facts } of scripts) {
      for (const { name, line, column } of facts.invokedTemplates) {
        sink.error('requests-version', file, `${line}:${column}`, `invokeTemplate("${name}") needs platform-version 2.3 or later; this app is ${model.version.raw}`);
      }
    }
    return;
  }
  const declared = allRequests(model);
  const read = readJsonFile(ctx.folder, REQUESTS_FILE, sink);
  const defined = read.status === 'parsed' ? definedTemplates(read.value, model, iparams, oauth, ctx) : undefined;
  if (read.status === 'missing') {
    for (const { name, path } of declared) {
      sink.error('requests-manifest', MANIFEST_FILE, formatJsonPath(path), `Request template '${name}' is declared in manifest.json, but config/requests.json does not exist; define it there`);
    }
  }
  if (defined) {
    const declaredNames = new Set(declared.map((d) => d.name));
    for (const { name, path } of declared) {
      if (!defined.has(name)) sink.error('requests-manifest', MANIFEST_FILE, formatJsonPath(path), `Request template '${name}' is declared in manifest.json but not defined in config/requests.json`);
    }
    const where = model.version.major === 3 ? 'modules.common.requests' : 'product.<name>.requests';
    for (const name of defined) {
      if (!declaredNames.has(name)) sink.error('requests-manifest', REQUESTS_FILE, formatJsonPath([name]), `Request template '${name}' is not defined in manifest; add "${name}": {} under ${where}`);
    }
  }
  checkCallers(model, scripts, ctx);
}

function definedTemplates(value: unknown, model: ManifestModel, iparams: IparamsRead, oauth: OAuthRead, ctx: CheckContext): Set<string> | undefined {
  if (!isRecord(value)) {
    ctx.sink.error('requests-schema', REQUESTS_FILE, '', `config/requests.json must hold an object of templates such as {"getContact": {"schema": {...}}}, found ${describeJsonValue(value)}`);
    return undefined;
  }
  const names = Object.keys(value);
  if (names.length > MAX_TEMPLATES) ctx.sink.error('requests-schema', REQUESTS_FILE, '', `config/requests.json defines ${names.length} templates; the platform allows at most ${MAX_TEMPLATES}`);
  const secureIparams = iparams.kind === 'json' ? new Set(iparams.fields.filter((f) => f.secure).map((f) => f.key)) : undefined;
  const context = { sink: ctx.sink, secureIparams, oauthPresent: oauth.present, integrations: oauth.integrations, major: model.version.major };
  for (const name of names) checkTemplate(name, value[name], context);
  return new Set(names);
}

function checkCallers(model: ManifestModel, scripts: readonly FileFacts[], ctx: CheckContext): void {
  const declared = new Set(allRequests(model).map((d) => d.name));
  for (const { file, facts } of scripts) {
    for (const { name, line, column } of facts.invokedTemplates) {
      if (!declared.has(name)) ctx.sink.error('requests-manifest', file, `${line}:${column}`, `Request template '${name}' is not defined in manifest; declare it under requests in manifest.json and define it in config/requests.json`);
    }
    for (const { name, line, column } of facts.freeFormRequests) {
      ctx.sink.error('request-free-form', file, `${line}:${column}`, `${name} is no longer supported in Request API on platform ${model.version.raw}; define a request template in config/requests.json and call invokeTemplate`);
    }
  }
}
