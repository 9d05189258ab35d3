import { PRODUCTS, productView, type AppDefinition, type PlatformVersion } from '@callbridge/core';

export interface ManifestOptions {
  platformVersion: PlatformVersion;
  /** 2.1/2.2: domains free-form requests may reach (entries may hold `<%= iparam.x %>`). */
  whitelistedDomains: readonly string[];
  /** 2.3: the runtime the platform should use. */
  engines: { node: string; fdk: string };
  /** The template each placeholder's entry is written to, by entry name. */
  templateOf: (entry: string) => string;
}

type ManifestProduct = {
  location?: Record<string, { url: string; icon: string }>;
  events?: Record<string, { handler: string }>;
  functions?: Record<string, { timeout?: number }>;
  requests?: Record<string, Record<string, never>>;
};

export interface Manifest {
  'platform-version': PlatformVersion;
  product: Record<string, ManifestProduct>;
  'whitelisted-domains'?: string[];
  engines?: { node: string; fdk: string };
}

/** The manifest for the chosen platform version, products in a fixed order and every map sorted by key. */
export function buildManifest(app: AppDefinition, options: ManifestOptions): Manifest {
  const product: Record<string, ManifestProduct> = {};
  for (const name of PRODUCTS.filter((p) => app.products.includes(p))) {
    const view = productView({ ...app, platformVersion: options.platformVersion }, name);
    const section: ManifestProduct = {};
    if (view.placeholders.length) {
      section.location = sortKeys(
        Object.fromEntries(view.placeholders.map((p) => [p.placeholder, { url: options.templateOf(p.entry), icon: `icons/${p.icon}` }])),
      );
    }
    if (view.events.length) section.events = sortKeys(Object.fromEntries(view.events.map((e) => [e.event, { handler: e.handler }])));
    if (options.platformVersion !== '2.1' && view.functions.length) {
      section.functions = sortKeys(
        Object.fromEntries(view.functions.map((f) => [f.name, f.timeout === undefined ? {} : { timeout: f.timeout }])),
      );
    }
    if (view.requestTemplates.length) section.requests = Object.fromEntries(view.requestTemplates.map((t) => [t, {}]));
    product[name] = section;
  }
  const manifest: Manifest = { 'platform-version': options.platformVersion, product };
  if (options.platformVersion === '2.3') manifest.engines = { ...options.engines };
  else manifest['whitelisted-domains'] = [...new Set(options.whitelistedDomains)].sort();
  return manifest;
}

function sortKeys<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
