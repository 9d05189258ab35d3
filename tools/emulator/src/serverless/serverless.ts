import { join } from 'node:path';
import type { EmulatorContext, Finding } from '../context';
import { DbService } from './db/db-service';
import { KvStore } from './db/kv-store';
import { EventRunner } from './events/event-runner';
import { ExternalEvents } from './events/external-events';
import { productEventsListener } from './events/product-events';
import { setupHooks } from './events/setup-hooks';
import { TargetUrls } from './events/target-urls';
import { RequestProxy } from './requests/proxy';
import { describeProblem, type CodeProblem } from './runtime/code-problem';
import { rejectionGuard } from './runtime/rejections';
import { ServerRuntime } from './runtime/server-runtime';
import type { PlatformServices } from './runtime/services';
import { ScheduleRunner } from './schedule/runner';
import { Schedules } from './schedule/schedules';
import { ServerMethods } from './smi/server-methods';

/** Test seams: the platform's time budgets are too long to wait for in a test run. */
export interface ServerlessOptions {
  eventTimeoutMs?: (event: string) => number;
  functionTimeoutMs?: (seconds: number) => number;
}

/** The rule name of the finding a server.js that does not compile adds. */
export const SERVER_CODE_RULE = 'server-code';

/** Every serverless service of one emulator, wired to the shared context. */
export class Serverless {
  readonly db: DbService;
  readonly schedules: Schedules;
  readonly scheduleRunner: ScheduleRunner;
  readonly requests: RequestProxy;
  readonly targets: TargetUrls;
  readonly runtime: ServerRuntime;
  readonly runner: EventRunner;
  readonly external: ExternalEvents;
  readonly functions: ServerMethods;
  private detachGuard: (() => void) | undefined;

  constructor(
    readonly context: EmulatorContext,
    options: ServerlessOptions = {},
  ) {
    const { appDir, clock } = context;
    const now = () => clock.nowMs();
    const log = (line: string) => context.log(line);
    this.db = new DbService(new KvStore(join(appDir, '.fdk/db.json'), now), now);
    this.schedules = new Schedules(join(appDir, '.fdk/schedules.json'), now);
    this.targets = new TargetUrls(join(appDir, '.fdk/targets.json'), () => context.baseUrl);
    this.requests = new RequestProxy({
      app: () => context.app,
      iparams: (product) => {
        const installation = context.installations.get(product);
        return { values: installation?.values ?? {}, secure: installation?.secure ?? [] };
      },
      target: { virtualHosts: context.virtualHosts, live: context.options.live === true },
      now,
      realDelay: (ms) => clock.realDelayUntil(clock.nowMs() + ms),
    });
    const services: PlatformServices = {
      db: (product, call) => this.db.call(product, call),
      schedule: {
        create: (product, definition) => this.schedules.create(product, definition),
        update: (product, definition) => this.schedules.update(product, definition),
        fetch: (product, args) => this.schedules.fetch(product, args),
        delete: (product, args) => this.schedules.delete(product, args),
      },
      request: {
        freeForm: (product, method, url, options) => this.requests.freeForm(product, method, url, options),
        invokeTemplate: (product, name, options) => this.requests.invokeTemplate(product, name, options),
      },
      targetUrl: (product) => this.targets.url(product),
    };
    this.runtime = new ServerRuntime({ appDir, services, now, log });
    this.runner = new EventRunner({
      runtime: this.runtime,
      app: () => context.app,
      store: context.store,
      installations: context.installations,
      now,
      log,
      ...(options.eventTimeoutMs ? { timeoutMs: options.eventTimeoutMs } : {}),
    });
    this.external = new ExternalEvents(this.targets, this.runner, now, log);
    this.functions = new ServerMethods(this.runtime, this.runner, () => context.app, options.functionTimeoutMs);
    this.scheduleRunner = new ScheduleRunner(this.schedules, clock, (schedule) => {
      if (!this.runner.registered(schedule.product).onScheduledEvent) {
        log(`schedule "${schedule.name}" (${schedule.product}) is due, but the app registers no onScheduledEvent handler`);
        return;
      }
      void this.runner.run(schedule.product, 'onScheduledEvent', { ...this.runner.base(schedule.product, 'onScheduledEvent'), data: schedule.data });
    });
  }

  /** Loads what was kept on disk and server.js, then wires the installation hooks and product events. */
  async start(): Promise<void> {
    this.detachGuard = rejectionGuard.attach((message) => this.context.log(`[server.js] ${message}`));
    await Promise.all([this.db.store.load(), this.schedules.load(), this.targets.load()]);
    await this.reload();
    this.context.installations.setHooks(setupHooks(this.runner, this.targets, this.schedules, (line) => this.context.log(line)));
    this.context.store.onChange(productEventsListener(this.context.store, this.context.installations, this.runner));
    this.scheduleRunner.start();
  }

  /** Reads server.js again; one that does not compile is reported with file and line and answers every event 500. */
  async reload(): Promise<void> {
    reportCodeProblem(this.context, await this.runtime.reload());
  }

  /** `POST /_emulator/reset`: the data store, schedules and CRM records start over; installations stay. */
  async reset(): Promise<void> {
    this.context.store.reset();
    this.requests.reset();
    this.external.reset();
    await Promise.all([this.db.reset(), this.schedules.clear()]);
  }

  /** Moves emulated time on, then runs what became due and lets queued requests re-check. */
  advanceClock(ms: number): void {
    this.context.clock.advance(ms);
    this.scheduleRunner.arm();
    this.requests.poke();
  }

  async close(): Promise<void> {
    this.scheduleRunner.stop();
    this.detachGuard?.();
    await Promise.all([this.db.store.flush(), this.schedules.flush(), this.targets.flush()]);
  }
}

function reportCodeProblem(context: EmulatorContext, problem: CodeProblem | undefined): void {
  const errors = context.findings.errors.filter((finding) => finding.rule !== SERVER_CODE_RULE);
  if (problem) {
    const finding: Finding = {
      rule: SERVER_CODE_RULE,
      file: problem.file,
      location: problem.line === undefined ? '' : `${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`,
      message: problem.message,
    };
    errors.push(finding);
    context.log(`error  ${describeProblem(problem)}  (${SERVER_CODE_RULE}); events answer 500 until it is fixed`);
  }
  context.findings = { errors, warnings: context.findings.warnings };
}
