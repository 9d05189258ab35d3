import type { JsonPath } from '../json-path';
import type { PlatformVersion } from '../platform/versions';

export interface LocationDecl {
  placeholder: string;
  url: string | undefined;
  icon: string | undefined;
  path: JsonPath;
}

export interface EventDecl {
  event: string;
  /** Undefined when the declaration is malformed (already reported). */
  handler: string | undefined;
  path: JsonPath;
}

export interface NamedDecl {
  name: string;
  path: JsonPath;
}

/** A `product.<name>` (2.x) or `modules.<name>` (3.x) section, with the declarations it holds. */
export interface ManifestSection {
  kind: 'product' | 'module';
  name: string;
  path: JsonPath;
  locations: LocationDecl[];
  events: EventDecl[];
  functions: NamedDecl[];
  requests: NamedDecl[];
}

export interface DependencyDecl {
  name: string;
  version: string;
  path: JsonPath;
}

/** The parts of a manifest the other checks need, read once and typed. */
export interface ManifestModel {
  version: PlatformVersion;
  sections: ManifestSection[];
  dependencies: DependencyDecl[];
}

export const MANIFEST_FILE = 'manifest.json';

export function allFunctions(model: ManifestModel): NamedDecl[] {
  return model.sections.flatMap((section) => section.functions);
}

export function allRequests(model: ManifestModel): NamedDecl[] {
  return model.sections.flatMap((section) => section.requests);
}

export function allEvents(model: ManifestModel): EventDecl[] {
  return model.sections.flatMap((section) => section.events);
}
