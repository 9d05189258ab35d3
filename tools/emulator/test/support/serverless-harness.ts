import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmulatorContext, EmulatorOptions } from '../../src/context';
import { createEmulatorContext } from '../../src/emulator';
import { listen } from '../../src/http/node-server';
import { serverlessAreaWith } from '../../src/serverless/area';
import type { ServerlessOptions } from '../../src/serverless/serverless';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A fresh copy of a fixture app in a temp folder, so `.fdk/` never lands in the repository. */
export async function copyServerlessFixture(name: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'emulator-serverless-'));
  const dir = join(root, name);
  await cp(join(FIXTURES, name), dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true, maxRetries: 5 }) };
}

export interface ServerlessHarness {
  url: string;
  context: EmulatorContext;
  /** Every line the emulator logged. */
  logs: string[];
  /** JSON over real HTTP; `body` is parsed when the answer is JSON. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Resolves with the first log line that matches, or fails after `timeoutMs`. */
  waitForLog(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  reload(): void;
  close(): Promise<void>;
}

/**
 * The emulator as `startEmulator` assembles it, with only the serverless area (so these tests do not depend on the
 * pages, CRM API and phone areas) and a real HTTP server on a free port.
 */
export async function startServerless(options: Partial<EmulatorOptions> & { appDir: string; serverless?: ServerlessOptions }): Promise<ServerlessHarness> {
  const appDir = resolve(options.appDir);
  const logs: string[] = [];
  const { context, reloadListeners, closeListeners } = await createEmulatorContext({ ...options, appDir }, (line) => logs.push(line));
  await serverlessAreaWith(options.serverless ?? {})(context);
  const { server, url } = await listen((request) => context.router.handle(request), 0);
  context.baseUrl = url;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(path, url), {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
  };

  return {
    url,
    context,
    logs,
    call,
    post: (path, body) => call('POST', path, body),
    async waitForLog(match, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = logs.find(match);
        if (line !== undefined) return line;
        if (Date.now() > deadline) throw new Error(`no matching log line within ${timeoutMs} ms; logged:\n${logs.join('\n')}`);
        await new Promise((done) => setTimeout(done, 10));
      }
    },
    reload: () => reloadListeners.forEach((listener) => listener()),
    async close() {
      for (const listener of closeListeners) await listener();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** The JSON after `marker` in a log line such as `[freshsales onContactCreate] EVENT {...}`. */
export function jsonAfter(line: string, marker: string): Record<string, unknown> {
  return JSON.parse(line.slice(line.indexOf(marker) + marker.length).trim()) as Record<string, unknown>;
}
