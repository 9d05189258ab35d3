import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulator, type Emulator } from '@callbridge/emulator';

export const workspaceRoot = resolve(import.meta.dirname, '../../../..');

export interface RunningApp {
  emulator: Emulator;
  url: string;
  /** The copy of dist/fdk this run uses; its `.fdk/` holds this run's $db and installations. */
  appDir: string;
  logs: string[];
  stop(): Promise<void>;
}

type Iparams = Record<string, Record<string, unknown>>;

/** The demo installation (`demo/iparams.json`), changed per product as a test needs. */
export async function demoIparams(change: (values: Record<string, unknown>, product: string) => void = () => {}): Promise<Iparams> {
  const iparams = JSON.parse(await readFile(join(workspaceRoot, 'demo/iparams.json'), 'utf8')) as Iparams;
  for (const [product, values] of Object.entries(iparams)) change(values, product);
  return iparams;
}

/**
 * Starts the emulator on a fresh copy of the built app (`dist/fdk`, built by `callbridge:build` before this project's
 * tests), installed in both products with the demo iparams unless told otherwise.
 */
export async function startApp(options: { iparams?: Iparams; clockSpeed?: number } = {}): Promise<RunningApp> {
  const appDir = await mkdtemp(join(tmpdir(), 'callbridge-e2e-'));
  await cp(join(workspaceRoot, 'dist/fdk'), appDir, { recursive: true });
  const logs: string[] = [];
  const emulator = await startEmulator({
    appDir,
    port: 0,
    iparams: options.iparams ?? (await demoIparams()),
    ...(options.clockSpeed ? { clockSpeed: options.clockSpeed } : {}),
    log: (line) => logs.push(line),
  });
  return {
    emulator,
    url: emulator.url,
    appDir,
    logs,
    async stop() {
      await emulator.close();
      await rm(appDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** JSON in and out of the emulator's automation API (`/_emulator/...`) and embedded systems. */
export async function api<T = unknown>(app: RunningApp, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
