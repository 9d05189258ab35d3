// npm run bench: measures what the product promises and prints it beside the budgets. Exits non-zero only when
// something cannot be measured, never because a figure is over budget.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureBuild, type BuildFigures } from './build.mts';
import { measureEvents, type EventFigures } from './events.mts';
import { measurePanel, type PanelFigures } from './panel.mts';
import { measureServer, type ServerFigures } from './server.mts';
import { measureSizes, type SizeRow } from './sizes.mts';
import { workspaceRoot } from './workspace.mts';

const BUDGET = { placeholderGzip: 16 * 1024, panelRatio: 2, eventsLost: 0 };
const STEPS = ['build', 'sizes', 'server', 'panel', 'events'] as const;
type Step = (typeof STEPS)[number];

interface Results {
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; date: string; commit: string };
  build?: BuildFigures;
  sizes?: SizeRow[];
  server?: ServerFigures;
  panel?: PanelFigures;
  events?: EventFigures;
  failures: { step: Step; message: string }[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');

function table(title: string, head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`\n${title}`, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function report(r: Results): string {
  const out: string[] = [`Callbridge benchmarks, ${r.machine.date}, ${r.machine.cpus} x ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, commit ${r.machine.commit}`];
  if (r.build) out.push(table('Build (npm run build)', ['run', 'time'], [['cold (no Nx cache)', ms(r.build.coldMs)], ['fully cached', ms(r.build.cachedMs)]]));
  if (r.sizes) {
    out.push(
      table(
        `Everything one placeholder loads, excluding the platform client (budget ${kb(BUDGET.placeholderGzip)} gzip)`,
        ['entry', 'files', 'raw', 'gzip', 'brotli', 'budget', 'lazy files', 'lazy gzip'],
        r.sizes.map((s) => [
          s.name,
          String(s.files),
          kb(s.raw),
          kb(s.gzip),
          kb(s.brotli),
          s.name.startsWith('(') ? 'baseline' : verdict(s.gzip <= BUDGET.placeholderGzip),
          s.lazy ? String(s.lazy.files) : '',
          s.lazy ? kb(s.lazy.gzip) : '',
        ]),
      ),
    );
  }
  if (r.server) {
    out.push(
      table(
        `server.js (${kb(r.server.bytes)}): sandbox load, ${r.server.loadMs.runs} runs`,
        ['measure', 'median', 'p95'],
        [['load', ms(r.server.loadMs.median), ms(r.server.loadMs.p95)], ...r.server.handlers.map((h) => [`${h.event} (I/O by fakes, ${h.runs} runs)`, ms(h.medianMs), ms(h.p95Ms)])],
      ),
    );
  }
  if (r.panel) {
    out.push(
      table(
        `Panel ready in the emulator, headless Chromium, ${r.panel.loads} loads (budget ${BUDGET.panelRatio}x the empty template)`,
        ['template', 'median', 'p95', 'ratio'],
        [
          ['Callbridge contact panel', ms(r.panel.callbridge.medianMs), ms(r.panel.callbridge.p95Ms), `${r.panel.ratio.toFixed(2)}x ${verdict(r.panel.ratio <= BUDGET.panelRatio)}`],
          ['empty template', ms(r.panel.emptyTemplate.medianMs), ms(r.panel.emptyTemplate.p95Ms), '1.00x'],
        ],
      ),
    );
  }
  if (r.events) {
    const e = r.events;
    out.push(
      table(
        `Emulator: 250 external events a minute for ${e.seconds} s (${e.calls} calls; budget ${BUDGET.eventsLost} lost)`,
        ['measure', 'value'],
        [
          ['webhooks delivered', String(e.webhooksDelivered)],
          ['webhooks failed', String(e.webhooksFailed)],
          ['calls logged while they came in', String(e.callsLoggedLive)],
          [`calls logged after ${e.reconciliationRuns} reconciliation runs`, String(e.callsLogged)],
          ['calls lost', `${e.callsLost} ${verdict(e.callsLost <= BUDGET.eventsLost)}`],
          ['duplicate logs', String(e.duplicateLogs)],
          [`handler latency p50 (${e.handlerMs.runs} runs)`, ms(e.handlerMs.p50)],
          ['handler latency p99', ms(e.handlerMs.p99)],
        ],
      ),
    );
  }
  for (const f of r.failures) out.push(`\nCould not measure ${f.step}: ${f.message}`);
  return out.join('\n');
}

async function main(): Promise<number> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') as Step[] | undefined;
  const steps = STEPS.filter((s) => !only || only.includes(s));
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: workspaceRoot, encoding: 'utf8' }).trim();
  const results: Results = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString(), commit },
    failures: [],
  };
  // The build comes first: every other step measures its output.
  if (!steps.includes('build')) execFileSync('npx', ['--no-install', 'nx', 'run', 'callbridge:build'], { cwd: workspaceRoot, stdio: 'ignore' });
  const run: Record<Step, () => Promise<void>> = {
    build: async () => void (results.build = measureBuild()),
    sizes: async () => void (results.sizes = await measureSizes()),
    server: async () => void (results.server = await measureServer()),
    panel: async () => void (results.panel = await measurePanel()),
    events: async () => void (results.events = await measureEvents()),
  };
  for (const step of steps) {
    process.stderr.write(`measuring ${step}…\n`);
    try {
      await run[step]();
    } catch (error) {
      results.failures.push({ step, message: error instanceof Error ? error.message : String(error) });
    }
  }
  console.info(report(results));
  await writeFile(join(workspaceRoot, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  return results.failures.length ? 1 : 0;
}

process.exitCode = await main();
