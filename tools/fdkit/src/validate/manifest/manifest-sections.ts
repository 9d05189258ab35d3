import { z } from 'zod';
import type { FindingSink } from '../finding';
import { describeJsonValue, formatJsonPath, type JsonPath } from '../json-path';
import { FUNCTION_NAME_SHAPE } from '../platform/products';
import { FEATURE_SINCE, type PlatformVersion, supports } from '../platform/versions';
import { isRecord, parseAt, reportUnknownKeys, type SchemaTarget } from '../schema-issues';
import { type EventDecl, type LocationDecl, MANIFEST_FILE, type ManifestSection, type NamedDecl } from './manifest-model';

const RULE = 'manifest-schema';

const locationSchema = z.object({ url: z.string().min(1), icon: z.string().min(1) });
const eventSchema = z.object({ handler: z.string().min(1) });
/** SMI timeouts are in seconds; the docs give 5 as default and 20 as the longest. */
const functionSchema = z.object({ timeout: z.int().min(1).max(20).optional() });
const recordSchema = z.record(z.string(), z.unknown());

/** Reads one `product.<name>` or `modules.<name>` object; whatever is malformed is reported and skipped. */
export function readSection(
  kind: ManifestSection['kind'],
  name: string,
  value: unknown,
  version: PlatformVersion,
  sink: FindingSink,
): ManifestSection {
  const path: JsonPath = kind === 'product' ? ['product', name] : ['modules', name];
  const section: ManifestSection = { kind, name, path, locations: [], events: [], functions: [], requests: [] };
  const target = (at: JsonPath): SchemaTarget => ({ sink, file: MANIFEST_FILE, rule: RULE, path: at });
  if (!isRecord(value)) {
    sink.error(RULE, MANIFEST_FILE, formatJsonPath(path), `${formatJsonPath(path)} must be an object such as {"location": {...}}, found ${describeJsonValue(value)}`);
    return section;
  }
  const known = kind === 'module' && name === 'common' ? ['location', 'events', 'functions', 'requests', 'jobs'] : ['location', 'events', 'functions', 'requests'];
  reportUnknownKeys(value, known, target(path), `${formatJsonPath(path)}`);
  gateByVersion(value, path, version, sink);

  entries(value.location, [...path, 'location'], target, (key, entry, at) => {
    const parsed = parseAt(locationSchema, entry, target(at));
    reportUnknownKeys(entry, ['url', 'icon'], target(at), `a location`);
    const location: LocationDecl = { placeholder: key, url: parsed?.url, icon: parsed?.icon, path: at };
    section.locations.push(location);
  });
  entries(value.events, [...path, 'events'], target, (key, entry, at) => {
    const parsed = parseAt(eventSchema, entry, target(at));
    reportUnknownKeys(entry, ['handler'], target(at), `an event`);
    section.events.push({ event: key, handler: parsed?.handler, path: at } satisfies EventDecl);
  });
  entries(value.functions, [...path, 'functions'], target, (key, entry, at) => {
    if (!FUNCTION_NAME_SHAPE.test(key)) {
      sink.error('smi-function', MANIFEST_FILE, formatJsonPath(at), `function name "${key}" must be 2 to 40 letters, digits or underscores, not starting with a digit`);
    }
    parseAt(functionSchema, entry, target(at));
    reportUnknownKeys(entry, ['timeout'], target(at), `a function`);
    section.functions.push({ name: key, path: at } satisfies NamedDecl);
  });
  entries(value.requests, [...path, 'requests'], target, (key, entry, at) => {
    if (!isRecord(entry)) sink.error(RULE, MANIFEST_FILE, formatJsonPath(at), `request template declaration "${key}" must be an empty object {}`);
    else reportUnknownKeys(entry, [], target(at), `a request template declaration (write {})`);
    section.requests.push({ name: key, path: at });
  });
  return section;
}

function entries(
  value: unknown,
  path: JsonPath,
  target: (at: JsonPath) => SchemaTarget,
  each: (key: string, entry: unknown, at: JsonPath) => void,
): void {
  if (value === undefined) return;
  const record = parseAt(recordSchema, value, target(path));
  if (!record) return;
  for (const [key, entry] of Object.entries(record)) each(key, entry, [...path, key]);
}

/** Keys a product may hold only from a given platform version on; 3.x modules have their own rule. */
function gateByVersion(value: Record<string, unknown>, path: JsonPath, version: PlatformVersion, sink: FindingSink): void {
  if (version.major === 3) {
    const isCommon = path[1] === 'common';
    for (const key of ['requests', 'functions'] as const) {
      if (!isCommon && value[key] !== undefined) {
        sink.error(RULE, MANIFEST_FILE, formatJsonPath([...path, key]), `Requests, functions can only be defined in the "common" module; move ${key} to modules.common.${key}`);
      }
    }
    return;
  }
  const gates = [
    ['events', 'manifestEvents', 'on 2.0, register events in server.js as exports.events'],
    ['functions', 'functions', 'on earlier versions every exported function of server.js can be invoked'],
    ['requests', 'requests', 'earlier versions use free-form client.request calls'],
  ] as const;
  for (const [key, feature, hint] of gates) {
    if (value[key] !== undefined && !supports(version, feature)) {
      sink.error(RULE, MANIFEST_FILE, formatJsonPath([...path, key]), `${key} in the manifest needs platform-version ${FEATURE_SINCE[feature]} or later (this app is ${version.raw}); ${hint}`);
    }
  }
}
