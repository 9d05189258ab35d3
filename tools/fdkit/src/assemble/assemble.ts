import { access, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  AppDefinitionError,
  defineApp,
  iparamsDifferByProduct,
  toIparamsJson,
  type AppDefinition,
  type PlatformVersion,
} from '@callbridge/core';
import { AssembleError, readWorkspaceConfig, type WorkspaceConfig } from './config';
import { copyFile, listFiles, writeJson, writeText } from './files';
import { buildManifest } from './manifest';
import { readFrontendPart, readServerlessPart, type RequestsJsonEntry } from './parts';
import { renderInstallationPage } from './installation-page';
import { renderAppReadme } from './readme';
import { renderTemplate } from './template';

export interface AssembleOptions {
  workspaceRoot: string;
  /** Overrides fdkit.json's `out`, relative to the workspace root. */
  out?: string;
  /** Overrides fdkit.json's `platformVersion`. */
  platformVersion?: PlatformVersion;
}

export interface AssembleResult {
  outDir: string;
  app: AppDefinition;
  files: string[];
}

/** The platform's own sample payloads, kept in the core with the rest of the platform's contract. */
const payloadsDir = join(dirname(createRequire(import.meta.url).resolve('@callbridge/core/package.json')), 'payloads');
const FRONTEND_BUILD_FILES = new Set(['entries.json', 'app-part.json']);

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Builds `dist/fdk/`: the one FDK-layout folder the platform takes, for every product of the app. */
export async function assemble(options: AssembleOptions): Promise<AssembleResult> {
  const root = options.workspaceRoot;
  const config = await readWorkspaceConfig(root);
  const platformVersion = options.platformVersion ?? config.platformVersion;
  const outDir = join(root, options.out ?? config.out);
  const frontendDist = join(root, config.frontend, 'dist');
  const serverlessDist = join(root, config.serverless, 'dist');

  const entries = await readEntries(join(frontendDist, 'entries.json'));
  const frontend = await readFrontendPart(join(frontendDist, 'app-part.json'));
  const { part: serverless, requests, builtFor } = await readServerlessPart(join(serverlessDist, 'app-part.json'));
  if (builtFor !== undefined && builtFor !== platformVersion) {
    // server.js picks free-form requests or templates at build time; mixing versions would ship calls that fail.
    throw new AssembleError(
      `${config.serverless}/dist/server.js was built for platform ${builtFor}, not ${platformVersion}: rebuild it with ` +
        `CALLBRIDGE_PLATFORM_VERSION=${platformVersion} npx nx build serverless, then assemble again`,
    );
  }
  const app = defineAppOrExplain(config, platformVersion, frontend, serverless);
  for (const entry of [...app.placeholders.map((p) => p.entry), ...app.modals.map((m) => m.entry)]) {
    if (!entries[entry]) throw new AssembleError(`front-end entry "${entry}" was not built; add apps/frontend/src/entries/${entry}.ts`);
  }

  await rm(outDir, { recursive: true, force: true });
  for (const file of await listFiles(frontendDist, (rel) => FRONTEND_BUILD_FILES.has(rel))) {
    await copyFile(join(frontendDist, file), join(outDir, 'app', file));
  }
  const templateOf = (entry: string) => `${entry}.html`;
  const titled = new Map<string, string>([
    ...app.placeholders.map((p) => [p.entry, `${config.name} ${p.placeholder}`] as const),
    ...app.modals.map((m) => [m.entry, `${config.name} ${m.name}`] as const),
  ]);
  for (const [entry, title] of [...titled].sort(([a], [b]) => a.localeCompare(b))) {
    await writeText(join(outDir, 'app', templateOf(entry)), renderTemplate({ title, platformVersion, loads: entries[entry]!.loads }));
  }
  for (const modal of app.modals) {
    if (modal.name !== modal.entry) {
      await writeText(join(outDir, 'app', `${modal.name}.html`), renderTemplate({ title: titled.get(modal.entry)!, platformVersion, loads: entries[modal.entry]!.loads }));
    }
  }

  const manifest = buildManifest(app, {
    platformVersion,
    engines: config.engines,
    whitelistedDomains: Object.values(requests).map(domainOf),
    templateOf,
  });
  await writeJson(join(outDir, 'manifest.json'), manifest);

  await copyFile(join(serverlessDist, 'server.js'), join(outDir, 'server/server.js'));
  await writeTestData(app, join(root, config.serverless, 'test_data'), join(outDir, 'server/test_data'));

  if (iparamsDifferByProduct(app.iparams)) {
    await writeText(join(outDir, 'config/iparams.html'), renderInstallationPage(app, platformVersion));
  } else {
    await writeJson(join(outDir, 'config/iparams.json'), toIparamsJson(app.iparams, app.products[0]!));
  }
  if (platformVersion === '2.3' && Object.keys(requests).length) {
    await writeJson(join(outDir, 'config/requests.json'), sortKeys(requests));
  }

  for (const project of config.sources) {
    const base = join(root, project);
    for (const file of await listFiles(base, (rel) => !(rel === 'package.json' || rel === 'src' || rel.startsWith('src/')))) {
      await copyFile(join(base, file), join(outDir, 'src', project, file));
    }
  }
  await writeText(join(outDir, 'README.md'), renderAppReadme(app, config, platformVersion));
  return { outDir, app, files: await listFiles(outDir) };
}

function defineAppOrExplain(
  config: WorkspaceConfig,
  platformVersion: PlatformVersion,
  frontend: Parameters<typeof defineApp>[1],
  serverless: Parameters<typeof defineApp>[2],
): AppDefinition {
  try {
    return defineApp({ name: config.name, description: config.description, platformVersion, products: config.products }, frontend, serverless);
  } catch (error) {
    if (error instanceof AppDefinitionError) throw new AssembleError(error.message);
    throw error;
  }
}

async function readEntries(file: string): Promise<Record<string, { file: string; loads: string[] }>> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AssembleError(`${file}: not found; build the front end first (npx nx build frontend)`);
  });
  return JSON.parse(text) as Record<string, { file: string; loads: string[] }>;
}

/** Every registered event gets test data: the app's own sample, else the platform's for the first product firing it. */
async function writeTestData(app: AppDefinition, ownDir: string, outDir: string): Promise<void> {
  const events = [...new Set(app.events.map((e) => e.event))].sort();
  for (const event of events) {
    const own = join(ownDir, `${event}.json`);
    if (await exists(own)) {
      await copyFile(own, join(outDir, `${event}.json`));
      continue;
    }
    const product = app.events.find((e) => e.event === event)!.products[0]!;
    await copyFile(join(payloadsDir, product, `${event}.json`), join(outDir, `${event}.json`));
  }
}

function domainOf(request: RequestsJsonEntry): string {
  return `${request.schema.protocol ?? 'https'}://${request.schema.host}`;
}

function sortKeys<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
