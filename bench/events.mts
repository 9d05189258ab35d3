// The emulator under the platform's external-event ceiling: calls simulated in the embedded phone system for two
// minutes, their webhooks (4 per answered call) arriving at 250 a minute at Callbridge's onExternalEvent. Counts
// what was delivered, logged in the CRM and lost, and the handler's latency from the emulator's own log.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '@callbridge/emulator';
import { median, percentile, workspaceRoot } from './workspace.mts';

export interface EventFigures {
  seconds: number;
  calls: number;
  webhooksDelivered: number;
  webhooksFailed: number;
  /** Logged by onExternalEvent while the calls came in. */
  callsLoggedLive: number;
  /** Logged once the reconciliation schedule has run (emulated 10-minute steps). */
  callsLogged: number;
  reconciliationRuns: number;
  callsLost: number;
  duplicateLogs: number;
  handlerMs: { p50: number; p99: number; runs: number };
}

/** Emulated minutes the reconciliation may take to drain what the platform's limits kept from being logged live. */
const MAX_RECONCILIATION_RUNS = 120;

const EVENTS_PER_CALL = 4;
const CALLERS = ['+14155550111', '+14155550121', '+442079460131', '+16175550151', '+19995550001', '+19995550002'];

interface PhoneState {
  deliveries: { state: 'pending' | 'delivered' | 'failed' }[];
}
interface CrmState {
  crm: Record<string, { notes: { description?: string; targetable_type?: string }[] }>;
}

/** The phone system call ids of Callbridge's logs on contacts and leads (deal copies left out), once per log. */
function loggedCallIds(state: CrmState): string[] {
  return state.crm.freshworks_crm!.notes.flatMap((note) => {
    const match = /Logged by Callbridge from \S+ call (\S+)/.exec(note.description ?? '');
    return match && note.targetable_type !== 'Deal' ? [match[1]!] : [];
  });
}

export async function measureEvents(seconds = 120, perMinute = 250): Promise<EventFigures> {
  const app = await mkdtemp(join(tmpdir(), 'bench-events-'));
  await cp(join(workspaceRoot, 'dist/fdk'), app, { recursive: true });
  const iparams = JSON.parse(await readFile(join(workspaceRoot, 'demo/iparams.json'), 'utf8')) as Record<string, unknown>;
  const latencies: number[] = [];
  const emulator = await startEmulator({
    appDir: app,
    port: 0,
    iparams: { freshworks_crm: (iparams as Record<string, unknown>).freshworks_crm },
    log: (line) => {
      const match = /event onExternalEvent \(\w+\) → .* in (\d+(?:\.\d+)?) ms/.exec(line);
      if (match) latencies.push(Number(match[1]));
    },
  });
  const get = async <T,>(path: string) => (await (await fetch(`${emulator.url}${path}`)).json()) as T;
  try {
    const calls = Math.round(((seconds / 60) * perMinute) / EVENTS_PER_CALL);
    const gapMs = (seconds * 1000) / calls;
    const started = Date.now();
    for (let i = 0; i < calls; i += 1) {
      const wait = started + i * gapMs - Date.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      await fetch(`${emulator.url}/_emulator/phone/calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: CALLERS[i % CALLERS.length], to: '+14155550100', direction: 'inbound', answered: true, durationSeconds: 30 + (i % 90) }),
      });
    }
    // Let the last handlers finish before counting.
    await new Promise((done) => setTimeout(done, 5_000));
    const phone = await get<PhoneState>('/_emulator/phone/state');
    const loggedNow = async () => loggedCallIds(await get<CrmState>('/_emulator/state'));
    const live = new Set(await loggedNow()).size;
    // $db and requests are limited to 50 a minute, far below 250 events a minute: what the webhooks could not log,
    // the reconciliation schedule (every 5 emulated minutes) must. Step the emulated clock and let it drain.
    let runs = 0;
    let logs = await loggedNow();
    let logged = live;
    while (logged < calls && runs < MAX_RECONCILIATION_RUNS) {
      await fetch(`${emulator.url}/_emulator/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms: 5 * 60_000 }) });
      runs += 1;
      await new Promise((done) => setTimeout(done, 1_500));
      logs = await loggedNow();
      logged = new Set(logs).size;
    }
    const delivered = phone.deliveries.filter((d) => d.state === 'delivered').length;
    return {
      seconds,
      calls,
      webhooksDelivered: delivered,
      webhooksFailed: phone.deliveries.length - delivered,
      callsLoggedLive: live,
      callsLogged: logged,
      reconciliationRuns: runs,
      callsLost: calls - logged,
      duplicateLogs: logs.length - logged,
      handlerMs: { p50: median(latencies), p99: percentile(latencies, 99), runs: latencies.length },
    };
  } finally {
    await emulator.close();
    await rm(app, { recursive: true, force: true });
  }
}
