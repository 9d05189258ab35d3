// server.js: how long the platform's sandbox takes to load it, and each handler's own overhead (payload parsing,
// wrappers, answering) with every I/O answered at once by the core's fakes.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { createFakeServerGlobals } from '@callbridge/core/testing';
import { median, percentile, workspaceRoot } from './workspace.mts';

export interface ServerFigures {
  bytes: number;
  loadMs: { median: number; p95: number; runs: number };
  handlers: { event: string; medianMs: number; p95Ms: number; runs: number }[];
}

type Handler = (payload: unknown) => unknown;

function load(source: string, globals: object): Record<string, Handler> {
  const module = { exports: {} as Record<string, Handler> };
  // Handlers log their (expected) failures against the fakes' unconfigured I/O; the benchmark does not print them.
  const quiet = { log() {}, info() {}, warn() {}, error() {}, debug() {} };
  const context: Record<string, unknown> = { ...globals, module, exports: module.exports, console: quiet };
  runInNewContext(source, context, { filename: 'server.js' });
  return context.exports as Record<string, Handler>;
}

export async function measureServer(loadRuns = 30, handlerRuns = 200): Promise<ServerFigures> {
  const fdk = join(workspaceRoot, 'dist/fdk');
  const source = await readFile(join(fdk, 'server/server.js'), 'utf8');
  const manifest = JSON.parse(await readFile(join(fdk, 'manifest.json'), 'utf8')) as { product: Record<string, { events?: Record<string, { handler: string }> }> };
  const loads: number[] = [];
  for (let i = 0; i < loadRuns; i += 1) {
    const start = performance.now();
    load(source, createFakeServerGlobals());
    loads.push(performance.now() - start);
  }
  const events = new Map<string, string>();
  for (const section of Object.values(manifest.product)) for (const [event, { handler }] of Object.entries(section.events ?? {})) events.set(event, handler);
  const samples = new Set((await readdir(join(fdk, 'server/test_data'))).map((f) => f.replace(/\.json$/, '')));
  const handlers: ServerFigures['handlers'] = [];
  for (const [event, handlerName] of [...events].sort()) {
    if (!samples.has(event)) continue;
    const payload = JSON.parse(await readFile(join(fdk, 'server/test_data', `${event}.json`), 'utf8')) as unknown;
    const globals = createFakeServerGlobals();
    const exported = load(source, globals);
    const handler = exported[handlerName];
    if (!handler) continue;
    const times: number[] = [];
    for (let i = 0; i < handlerRuns; i += 1) {
      const start = performance.now();
      // The handler answers through renderData; awaiting its promise covers async bodies.
      await handler(structuredClone(payload));
      times.push(performance.now() - start);
    }
    handlers.push({ event, medianMs: median(times), p95Ms: percentile(times, 95), runs: handlerRuns });
  }
  return { bytes: Buffer.byteLength(source), loadMs: { median: median(loads), p95: percentile(loads, 95), runs: loadRuns }, handlers };
}
