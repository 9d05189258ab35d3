import type { EventName } from '../platform/events';
import type { JsonObject, PlatformError } from '../platform/client';
import type { ProductName } from '../platform/products';
import type { HandlerError, ScheduleApi, ScheduleDefinition, ServerGlobals, ServerRequestApi } from '../platform/server-globals';
import { checkSchedule, SCHEDULE_LIMITS, ScheduleError } from '../server/schedule/rules';
import { createFakeDb, platformReject, type FakeDb, type FakeDbOptions } from './fake-db';

const reject = platformReject;

/** Our wording: no public source spells the platform's schedule errors. */
export const SCHEDULE_MESSAGES = {
  notFound: 'Schedule not found',
  exists: (name: string) => `A schedule named "${name}" already exists`,
  tooManyRecurring: `At most ${SCHEDULE_LIMITS.maxRecurring} recurring schedule per installation`,
  tooManyOneTime: `At most ${SCHEDULE_LIMITS.maxOneTime} one-time schedules per installation`,
} as const;

export interface FakeSchedule extends ScheduleApi {
  /** Schedules still to run (one-time schedules whose time has passed are gone), as stored. */
  list(): ScheduleDefinition[];
}

/**
 * `$schedule` in memory with the platform's rules: name, data <= 4 KB, schedule_at a UTC ISO time >= 5 minutes
 * ahead, repeat >= 5 minutes, at most 1 recurring and 1000 one-time schedules; 404 for unknown names, 409 for a
 * name taken. A one-time schedule is gone once its time has passed, as if it ran.
 */
export function createFakeSchedule(options: { now?: () => number } = {}): FakeSchedule {
  const now = options.now ?? Date.now;
  const schedules = new Map<string, ScheduleDefinition>();

  const prune = (): void => {
    for (const [name, s] of schedules) if (!s.repeat && Date.parse(s.schedule_at) <= now()) schedules.delete(name);
  };
  const check = (definition: ScheduleDefinition): ScheduleDefinition | PlatformError => {
    try {
      return checkSchedule(definition, now());
    } catch (error) {
      if (error instanceof ScheduleError) return { status: 400, message: error.message };
      throw error;
    }
  };
  const overLimit = (candidate: ScheduleDefinition, replacing?: string): string | undefined => {
    const others = [...schedules.values()].filter((s) => s.name !== replacing);
    if (candidate.repeat && others.filter((s) => s.repeat).length >= SCHEDULE_LIMITS.maxRecurring) return SCHEDULE_MESSAGES.tooManyRecurring;
    if (!candidate.repeat && others.filter((s) => !s.repeat).length >= SCHEDULE_LIMITS.maxOneTime) return SCHEDULE_MESSAGES.tooManyOneTime;
    return undefined;
  };
  const write = (definition: ScheduleDefinition, mode: 'create' | 'update'): Promise<unknown> => {
    prune();
    const checked = check(definition);
    if (!('name' in checked)) return reject(checked.status, checked.message ?? '');
    const exists = schedules.has(checked.name);
    if (mode === 'create' && exists) return reject(409, SCHEDULE_MESSAGES.exists(checked.name));
    if (mode === 'update' && !exists) return reject(404, SCHEDULE_MESSAGES.notFound);
    const limit = overLimit(checked, mode === 'update' ? checked.name : undefined);
    if (limit) return reject(400, limit);
    schedules.set(checked.name, checked);
    return Promise.resolve({ ...checked });
  };

  return {
    list() {
      prune();
      return [...schedules.values()].map((s) => structuredClone(s));
    },
    create: (definition) => write(definition, 'create'),
    update: (definition) => write(definition, 'update'),
    fetch({ name }) {
      prune();
      const found = schedules.get(name);
      return found ? Promise.resolve({ ...structuredClone(found) }) : reject(404, SCHEDULE_MESSAGES.notFound);
    },
    delete({ name }) {
      prune();
      if (!schedules.delete(name)) return reject(404, SCHEDULE_MESSAGES.notFound);
      return Promise.resolve({ name });
    },
  };
}

/** A `$request` for tests that did not ask for one: every call rejects with 501. */
export function unconfiguredRequestApi(): ServerRequestApi {
  const refuse = () => reject(501, 'not configured in this fake');
  return { get: refuse, post: refuse, put: refuse, patch: refuse, delete: refuse, invokeTemplate: refuse };
}

export interface FakeServerOptions {
  /** Installation values `payload()` puts in every payload. */
  iparams?: Record<string, unknown>;
  /** `$request`, e.g. from createFakeRequestApi; without it every request rejects with 501. */
  request?: ServerRequestApi;
  /** Epoch milliseconds, shared by `$db` TTLs, `$schedule` and `payload()` timestamps. */
  now?: () => number;
  db?: Omit<FakeDbOptions, 'now'>;
  /** What generateTargetUrl resolves. */
  targetUrl?: string;
  /** The product `payload()` speaks for. */
  product?: ProductName;
}

export interface RecordedAnswer {
  error: HandlerError | null;
  data: unknown;
}

export interface FakeServerGlobals extends ServerGlobals {
  readonly $db: FakeDb;
  readonly $schedule: FakeSchedule;
  /** Every renderData call, in order. */
  readonly answers: readonly RecordedAnswer[];
  /** The answer, when renderData was called exactly once; throws otherwise. */
  answer(): RecordedAnswer;
  /** Puts the globals on globalThis, as the sandbox does; returns the function that takes them off again. */
  install(): () => void;
  /** A payload envelope for `event` carrying these iparams, this product and the fake clock. */
  payload(event: EventName, data?: unknown, overrides?: Record<string, unknown>): JsonObject;
}

const GLOBAL_NAMES = ['renderData', 'generateTargetUrl', '$db', '$schedule', '$request'] as const;

const HOSTS: Readonly<Record<ProductName, { domain: string; url: string }>> = {
  freshworks_crm: { domain: 'acme.myfreshworks.com', url: 'https://acme.myfreshworks.com/crm' },
  freshsales: { domain: 'acme.freshsales.io', url: 'https://acme.freshsales.io' },
};

/** The serverless sandbox's globals, in memory, with every answer recorded. */
export function createFakeServerGlobals(options: FakeServerOptions = {}): FakeServerGlobals {
  const now = options.now ?? Date.now;
  const answers: RecordedAnswer[] = [];
  const product = options.product ?? 'freshworks_crm';
  const $db = createFakeDb({ ...options.db, now });
  const $schedule = createFakeSchedule({ now });
  const globals: ServerGlobals = {
    renderData: (error, data) => {
      answers.push({ error: error ?? null, data });
    },
    generateTargetUrl: () => Promise.resolve(options.targetUrl ?? 'https://fake-platform.test/webhooks/app'),
    $db,
    $schedule,
    $request: options.request ?? unconfiguredRequestApi(),
  };

  return {
    ...globals,
    $db,
    $schedule,
    answers,
    answer() {
      if (answers.length !== 1) throw new Error(`expected renderData to be called once, it was called ${answers.length} times`);
      return answers[0] as RecordedAnswer;
    },
    install() {
      const target = globalThis as Record<string, unknown>;
      const saved = GLOBAL_NAMES.map((name) => [name, Object.getOwnPropertyDescriptor(target, name)] as const);
      for (const name of GLOBAL_NAMES) target[name] = globals[name];
      return () => {
        for (const [name, descriptor] of saved) {
          if (descriptor) Object.defineProperty(target, name, descriptor);
          else delete target[name];
        }
      };
    },
    payload(event, data, overrides) {
      const envelope: Record<string, unknown> = {
        account_id: '1967183444532229946',
        domain: HOSTS[product].domain,
        event,
        region: 'US',
        timestamp: now(),
        productContext: { name: product, url: HOSTS[product].url },
        iparams: { ...options.iparams },
      };
      if (data !== undefined) envelope.data = data;
      return JSON.parse(JSON.stringify({ ...envelope, ...overrides })) as JsonObject;
    },
  };
}
