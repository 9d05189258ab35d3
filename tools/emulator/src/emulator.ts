import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import { isProductName } from '@callbridge/core';
import { loadApp } from './app/load-app';
import { AREAS } from './areas';
import { Clock } from './clock';
import type { EmulatorContext, EmulatorOptions, Findings } from './context';
import { CrmStore } from './crm/store';
import { listen } from './http/node-server';
import { Router } from './http/router';
import { Installations } from './install/installations';

export interface Emulator {
  url: string;
  context: EmulatorContext;
  close(): Promise<void>;
}

const NO_FINDINGS: Findings = { errors: [], warnings: [] };

/** What every area is given, before any area has set itself up; the listeners are the emulator's to call. */
export async function createEmulatorContext(
  options: EmulatorOptions,
  log: (line: string) => void,
  findings: Findings = NO_FINDINGS,
): Promise<{ context: EmulatorContext; reloadListeners: Set<() => void>; closeListeners: (() => void | Promise<void>)[] }> {
  const appDir = resolve(options.appDir);
  const clock = new Clock(options.clockSpeed ?? 1);
  const reloadListeners = new Set<() => void>();
  const closeListeners: (() => void | Promise<void>)[] = [];
  const installations = new Installations(appDir, () => clock.now());
  await installations.load();
  const context: EmulatorContext = {
    appDir,
    options,
    app: await loadApp(appDir),
    findings,
    store: new CrmStore(() => clock.now()),
    installations,
    clock,
    router: new Router(),
    virtualHosts: new Map(),
    baseUrl: '',
    onAppReloaded(listener) {
      reloadListeners.add(listener);
      return () => reloadListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    log,
  };
  return { context, reloadListeners, closeListeners };
}

/** Starts the emulator for one app folder: an app that fails validation still starts, with its findings shown. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const appDir = resolve(options.appDir);
  const log = options.log ?? ((line: string) => console.info(line));
  const { context, reloadListeners, closeListeners } = await createEmulatorContext({ ...options, appDir }, log, options.validate ? await options.validate(appDir) : NO_FINDINGS);
  reportFindings(context, log);
  for (const area of AREAS) await area(context);

  const { server, url } = await listen((request) => context.router.handle(request), options.port ?? 10001, options.host);
  context.baseUrl = url;

  if (options.iparams) await installAtStart(context, options.iparams, log);

  let watcher: FSWatcher | undefined;
  if (options.watch) {
    let timer: NodeJS.Timeout | undefined;
    watcher = watch(appDir, { recursive: true }, (_event, file) => {
      if (file && (file.startsWith('.fdk') || file.includes('node_modules') || file.startsWith('dist'))) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        void reload(context, log).then(() => reloadListeners.forEach((listener) => listener()));
      }, 150);
    });
  }

  return {
    url,
    context,
    async close() {
      watcher?.close();
      for (const listener of closeListeners) await listener();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

async function reload(context: EmulatorContext, log: (line: string) => void): Promise<void> {
  context.app = await loadApp(context.appDir);
  context.findings = context.options.validate ? await context.options.validate(context.appDir) : NO_FINDINGS;
  log('App folder changed: reloaded.');
  reportFindings(context, log);
}

function reportFindings(context: EmulatorContext, log: (line: string) => void): void {
  for (const problem of context.app.problems) log(`error  ${problem}`);
  for (const f of context.findings.errors) log(`error  ${f.file}  ${f.location}  ${f.message}  (${f.rule})`);
  for (const f of context.findings.warnings) log(`warning  ${f.file}  ${f.location}  ${f.message}  (${f.rule})`);
}

/** `--iparams FILE`: one object for every product, or `{"freshworks_crm": {...}, "freshsales": {...}}`. */
async function installAtStart(context: EmulatorContext, iparams: Record<string, unknown>, log: (line: string) => void): Promise<void> {
  const products = Object.keys(context.app.products).filter(isProductName);
  const perProduct = Object.keys(iparams).length > 0 && Object.keys(iparams).every(isProductName);
  for (const product of products) {
    const values = perProduct ? (iparams[product] as Record<string, unknown> | undefined) : iparams;
    if (!values) continue;
    const result = await context.installations.install(product, values);
    if (result.ok) log(`Installed in ${product}.`);
    else log(`Could not install in ${product}: ${result.errors.map((e) => `${e.iparam}: ${e.message}`).join('; ')}`);
  }
}
