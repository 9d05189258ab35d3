import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export interface LoadedPlaceholder {
  url: string;
  icon?: string;
}

export interface LoadedProduct {
  placeholders: Record<string, LoadedPlaceholder>;
  /** Event name to handler name (2.1+ manifest events; 2.0 apps register theirs in server.js). */
  events: Record<string, string>;
  functions: Record<string, { timeout?: number }>;
  requests: string[];
}

export interface LoadedApp {
  dir: string;
  platformVersion: string | null;
  products: Record<string, LoadedProduct>;
  installationPage: 'iparams.json' | 'iparams.html' | 'none';
  hasServer: boolean;
  whitelistedDomains: string[];
  /** Why parts of the app could not be loaded; the emulator still serves what it can. */
  problems: string[];
}

const placeholderSchema = z.object({ url: z.string(), icon: z.string().optional() }).loose();
const productSchema = z
  .object({
    location: z.record(z.string(), placeholderSchema).optional(),
    events: z.record(z.string(), z.object({ handler: z.string() }).loose()).optional(),
    functions: z.record(z.string(), z.object({ timeout: z.number().optional() }).loose()).optional(),
    requests: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
const manifestSchema = z
  .object({
    'platform-version': z.string(),
    product: z.record(z.string(), productSchema).optional(),
    modules: z.record(z.string(), productSchema).optional(),
    'whitelisted-domains': z.array(z.string()).optional(),
  })
  .loose();

const exists = (file: string) =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

/** Reads what the emulator needs from any FDK app folder; never throws for a broken app, it lists problems instead. */
export async function loadApp(dir: string): Promise<LoadedApp> {
  const app: LoadedApp = {
    dir,
    platformVersion: null,
    products: {},
    installationPage: 'none',
    hasServer: await exists(join(dir, 'server/server.js')),
    whitelistedDomains: [],
    problems: [],
  };
  if (await exists(join(dir, 'config/iparams.html'))) app.installationPage = 'iparams.html';
  else if (await exists(join(dir, 'config/iparams.json'))) app.installationPage = 'iparams.json';

  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    app.problems.push(code === 'ENOENT' ? `manifest.json: not found in ${dir}` : `manifest.json: not valid JSON (${(error as Error).message})`);
    return app;
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    app.problems.push(`manifest.json: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return app;
  }
  const manifest = parsed.data;
  app.platformVersion = manifest['platform-version'];
  app.whitelistedDomains = manifest['whitelisted-domains'] ?? [];
  // 3.0 apps list modules, not products; the emulator shows their common module in Freshworks CRM.
  const sections = manifest.product ?? (manifest.modules?.common ? { freshworks_crm: manifest.modules.common } : {});
  for (const [product, section] of Object.entries(sections)) {
    app.products[product] = {
      placeholders: Object.fromEntries(Object.entries(section.location ?? {}).map(([name, p]) => [name, { url: p.url, ...(p.icon ? { icon: p.icon } : {}) }])),
      events: Object.fromEntries(Object.entries(section.events ?? {}).map(([name, e]) => [name, e.handler])),
      functions: Object.fromEntries(Object.entries(section.functions ?? {}).map(([name, f]) => [name, f.timeout === undefined ? {} : { timeout: f.timeout }])),
      requests: Object.keys(section.requests ?? {}).sort(),
    };
  }
  if (Object.keys(app.products).length === 0) app.problems.push('manifest.json: product: lists no product');
  return app;
}
