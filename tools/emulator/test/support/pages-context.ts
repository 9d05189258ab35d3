import { resolve } from 'node:path';
import { loadApp } from '../../src/app/load-app';
import { Clock } from '../../src/clock';
import type { EmulatorContext, EmulatorOptions } from '../../src/context';
import { CrmStore } from '../../src/crm/store';
import { Router } from '../../src/http/router';
import { Installations } from '../../src/install/installations';
import { pagesArea } from '../../src/pages/area';

export interface PagesHarness {
  context: EmulatorContext;
  /** Answers a request through the router, as the HTTP server would. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  reload(): void;
  close(): Promise<void>;
}

/** The emulator's context built as `startEmulator` builds it, with only the pages area and no network. */
export async function pagesHarness(options: EmulatorOptions): Promise<PagesHarness> {
  const appDir = resolve(options.appDir);
  const clock = new Clock(1);
  const installations = new Installations(appDir, () => clock.now());
  await installations.load();
  const reloadListeners = new Set<() => void>();
  const closeListeners: (() => void | Promise<void>)[] = [];
  const context: EmulatorContext = {
    appDir,
    options,
    app: await loadApp(appDir),
    findings: options.validate ? await options.validate(appDir) : { errors: [], warnings: [] },
    store: new CrmStore(() => clock.now()),
    installations,
    clock,
    router: new Router(),
    virtualHosts: new Map(),
    baseUrl: 'http://localhost:10001',
    onAppReloaded(listener) {
      reloadListeners.add(listener);
      return () => reloadListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    log: () => {},
  };
  await pagesArea(context);
  return {
    context,
    fetch: (path, init) => context.router.handle(new Request(new URL(path, context.baseUrl), init)),
    reload: () => reloadListeners.forEach((listener) => listener()),
    close: async () => {
      for (const listener of closeListeners) await listener();
    },
  };
}
