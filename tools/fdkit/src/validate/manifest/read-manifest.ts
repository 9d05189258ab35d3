import { z } from 'zod';
import type { CheckContext } from '../context';
import { readJsonFile } from '../files/read-json';
import { describeJsonValue } from '../json-path';
import { parsePlatformVersion, supports } from '../platform/versions';
import { isRecord, parseAt, reportUnknownKeys, type SchemaTarget } from '../schema-issues';
import { type DependencyDecl, MANIFEST_FILE, type ManifestModel } from './manifest-model';
import { readSection } from './manifest-sections';
import { checkWhitelistedDomains } from './whitelisted-domains';

export interface ManifestRead {
  platformVersion: string | null;
  products: string[];
  model: ManifestModel | undefined;
}

const RULE = 'manifest-schema';
const KEYS_2X = ['platform-version', 'product', 'whitelisted-domains', 'dependencies', 'engines'];
const KEYS_3X = ['platform-version', 'modules', 'dependencies', 'engines'];

const dependenciesSchema = z.record(z.string(), z.string().min(1));
const enginesSchema = z.object({ node: z.string().min(1), fdk: z.string().min(1) });

/** Reads manifest.json into a typed model, reporting every structural problem on the way. */
export function readManifest(ctx: CheckContext): ManifestRead {
  const { sink } = ctx;
  const none: ManifestRead = { platformVersion: null, products: [], model: undefined };
  const read = readJsonFile(ctx.folder, MANIFEST_FILE, sink);
  if (read.status !== 'parsed') return none;
  const manifest = read.value;
  if (!isRecord(manifest)) {
    sink.error(RULE, MANIFEST_FILE, '', `manifest.json must hold an object such as {"platform-version": "2.3", "product": {...}}, found ${describeJsonValue(manifest)}`);
    return none;
  }
  const declared = manifest['platform-version'];
  const sectionsKey = typeof declared === 'string' && declared.startsWith('3.') ? 'modules' : 'product';
  const sectionsValue = manifest[sectionsKey];
  const products = isRecord(sectionsValue) ? Object.keys(sectionsValue) : [];
  if (typeof declared !== 'string') {
    const found = declared === undefined ? 'it is missing' : `found ${describeJsonValue(declared)}`;
    sink.error('platform-version', MANIFEST_FILE, 'platform-version', `"platform-version" must be a string such as "2.3"; ${found}`);
    return { platformVersion: null, products, model: undefined };
  }
  const version = parsePlatformVersion(declared);
  if (!version) {
    sink.error('platform-version', MANIFEST_FILE, 'platform-version', `platform-version "${declared}" is not one fdkit checks; use "2.0", "2.1", "2.2", "2.3" or "3.x"`);
    return { platformVersion: declared, products, model: undefined };
  }
  const target = (path: (string | number)[]): SchemaTarget => ({ sink, file: MANIFEST_FILE, rule: RULE, path });
  reportUnknownKeys(manifest, version.major === 3 ? KEYS_3X : KEYS_2X, target([]), 'manifest.json');
  const model: ManifestModel = { version, sections: [], dependencies: readDependencies(manifest.dependencies, target) };
  if (manifest.engines !== undefined) parseAt(enginesSchema, manifest.engines, { ...target(['engines']), rule: 'manifest-engines' });

  if (version.major === 3) readModules(manifest, model, ctx);
  else readProducts(manifest, model, ctx);
  checkWhitelistedDomains(manifest['whitelisted-domains'], version, sink);
  return { platformVersion: declared, products, model };
}

function readProducts(manifest: Record<string, unknown>, model: ManifestModel, ctx: CheckContext): void {
  const { sink } = ctx;
  const product = manifest.product;
  if (!isRecord(product) || Object.keys(product).length === 0) {
    const found = product === undefined ? 'it is missing' : `found ${describeJsonValue(product)}`;
    sink.error(RULE, MANIFEST_FILE, 'product', `"product" must name at least one product, such as {"freshworks_crm": {...}}; ${found}`);
    return;
  }
  const names = Object.keys(product);
  if (names.length > 1 && !supports(model.version, 'omni')) {
    sink.error('manifest-omni', MANIFEST_FILE, 'product', `an omni app (${names.join(', ')}) needs platform-version 2.1 or later; 2.0 allows one product`);
  }
  for (const name of names) model.sections.push(readSection('product', name, product[name], model.version, sink));
}

function readModules(manifest: Record<string, unknown>, model: ManifestModel, ctx: CheckContext): void {
  const { sink } = ctx;
  if (manifest.product !== undefined) {
    sink.error(RULE, MANIFEST_FILE, 'product', `platform-version ${model.version.raw} uses "modules", not "product"; move each product's locations and events under modules.<module>`);
  }
  const modules = manifest.modules;
  if (!isRecord(modules)) {
    const found = modules === undefined ? 'it is missing' : `found ${describeJsonValue(modules)}`;
    sink.error(RULE, MANIFEST_FILE, 'modules', `"modules" must be an object such as {"common": {...}, "contact": {}}; ${found}`);
    return;
  }
  if (Object.keys(modules).every((name) => name === 'common')) {
    sink.error(RULE, MANIFEST_FILE, 'modules', 'modules needs at least one module apart from "common" (for example "contact": {}); common cannot stand alone');
  }
  sink.warn('platform-version', MANIFEST_FILE, 'platform-version', `platform-version ${model.version.raw}: fdkit checks the manifest structure, files, handlers and templates, but not placeholder or event names per module`);
  for (const [name, value] of Object.entries(modules)) model.sections.push(readSection('module', name, value, model.version, sink));
}

function readDependencies(value: unknown, target: (path: (string | number)[]) => SchemaTarget): DependencyDecl[] {
  if (value === undefined) return [];
  const parsed = parseAt(dependenciesSchema, value, target(['dependencies']));
  if (!parsed) return [];
  return Object.entries(parsed).map(([name, version]) => ({ name, version, path: ['dependencies', name] }));
}

