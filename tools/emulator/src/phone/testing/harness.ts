import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../clock';
import type { Area, EmulatorContext } from '../../context';
import { CrmStore } from '../../crm/store';
import { listen } from '../../http/node-server';
import { Router } from '../../http/router';
import { Installations } from '../../install/installations';

export interface Harness {
  context: EmulatorContext;
  url: string;
  logs: string[];
  close(): Promise<void>;
}

/** A context like emulator.ts builds, with only the given areas, served by a real HTTP server on a free port. */
export async function startHarness(areas: readonly Area[]): Promise<Harness> {
  const appDir = await mkdtemp(join(tmpdir(), 'callbridge-embedded-'));
  const clock = new Clock(1);
  const logs: string[] = [];
  const closeListeners: (() => void | Promise<void>)[] = [];
  const context: EmulatorContext = {
    appDir,
    options: { appDir },
    app: { dir: appDir, platformVersion: null, products: {}, installationPage: 'none', hasServer: false, whitelistedDomains: [], problems: [] },
    findings: { errors: [], warnings: [] },
    store: new CrmStore(() => clock.now()),
    installations: new Installations(appDir, () => clock.now()),
    clock,
    router: new Router(),
    virtualHosts: new Map(),
    baseUrl: '',
    onAppReloaded: () => () => undefined,
    onClose: (listener) => closeListeners.push(listener),
    log: (line) => logs.push(line),
  };
  for (const area of areas) await area(context);
  const { server, url } = await listen((request) => context.router.handle(request), 0);
  context.baseUrl = url;
  return {
    context,
    url,
    logs,
    async close() {
      for (const listener of closeListeners) await listener();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(appDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
