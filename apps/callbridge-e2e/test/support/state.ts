import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Delivery, PhoneStateSnapshot } from '@callbridge/emulator';
import { afterEach, beforeEach } from 'vitest';
import { api, type RunningApp } from './app';

export const PRODUCTS = ['freshworks_crm', 'freshsales'] as const;
export type Product = (typeof PRODUCTS)[number];

/** The embedded CRMs' API keys (tools/emulator/README.md, "Embedded CRM"). */
export const CRM_KEYS: Record<Product, string> = { freshworks_crm: 'fake-crm-key', freshsales: 'fake-classic-key' };

export interface CrmRecord {
  id: number;
  [field: string]: unknown;
}

export interface PhoneCallRecord extends CrmRecord {
  targetable_type: string;
  targetable_id: number;
  call_direction: boolean;
  number?: string;
  outcome?: string;
  call_duration?: number;
  note?: { description?: string } | null;
}

export interface EmulatorState {
  crm: Record<Product, { contacts: CrmRecord[]; leads: CrmRecord[]; deals: CrmRecord[]; sales_accounts: CrmRecord[]; phone_calls: PhoneCallRecord[]; notes: CrmRecord[] }>;
  db: Partial<Record<Product, Record<string, unknown>>>;
  schedules: Partial<Record<Product, { name: string; data: unknown; schedule_at: string; repeat?: { time_unit: string; frequency: number }; next_run_at: string }[]>>;
  installed: Product[];
  now: string;
}

export type { Delivery };
export type PhoneState = PhoneStateSnapshot;

export const emulatorState = (app: RunningApp) => api<EmulatorState>(app, 'GET', '/_emulator/state');
export const phoneState = (app: RunningApp) => api<PhoneState>(app, 'GET', '/_emulator/phone/state');

/** The URL `generateTargetUrl()` gave the product's installation (kept by the emulator in `.fdk/targets.json`). */
export async function targetUrl(app: RunningApp, product: Product): Promise<string | undefined> {
  const tokens = JSON.parse(await readFile(join(app.appDir, '.fdk/targets.json'), 'utf8').catch(() => '{}')) as Record<string, string>;
  return tokens[product] ? `${app.url}/_fdk/external/${product}/${tokens[product]}` : undefined;
}

/**
 * How many times the emulator finished running `event` in `product` (its log line `event <name> (<product>) → ...`).
 * The emulator acknowledges a webhook at once and runs onExternalEvent in the background, so a test waits on this.
 */
export function runsOf(app: RunningApp, event: string, product: Product): number {
  const prefix = `event ${event} (${product}) →`;
  return app.logs.filter((line) => line.startsWith(prefix)).length;
}

/** Resolves once `check` answers true; fails with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until `event` has finished `count` more runs in each product than `before` counted. */
export async function waitForRuns(app: RunningApp, event: string, before: Record<Product, number>, count: number, products: readonly Product[] = PRODUCTS): Promise<void> {
  await waitUntil(`${count} more ${event} run(s) in ${products.join(', ')}`, () => products.every((product) => runsOf(app, event, product) >= before[product] + count));
}

/** Counts each product's finished runs of `event` so far. */
export function runCounts(app: RunningApp, event: string): Record<Product, number> {
  return Object.fromEntries(PRODUCTS.map((product) => [product, runsOf(app, event, product)])) as Record<Product, number>;
}

/** A JSON request to an embedded CRM's REST API as an API client would send it (`/_crm/<product>/...`). */
export async function crmApi<T = unknown>(app: RunningApp, product: Product, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${app.url}/_crm/${product}${path}`, {
    method,
    headers: { authorization: `Token token=${CRM_KEYS[product]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /_crm/${product}${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * When a test fails (not an expected failure, `it.fails`), prints what the emulator logged during it: handler
 * outcomes and their console lines, CRM faults, webhook delivery failures.
 */
export function printEmulatorLogOnFailure(app: () => RunningApp | undefined): void {
  let start = 0;
  beforeEach(() => {
    start = app()?.logs.length ?? 0;
  });
  afterEach((context) => {
    const logs = app()?.logs;
    if (logs && context.task.result?.state === 'fail' && !context.task.fails) console.error(`emulator log during "${context.task.name}":\n${logs.slice(start).join('\n')}`);
  });
}
