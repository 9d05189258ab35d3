import { isProductName, SCHEDULE_LIMITS, type ProductName } from '@callbridge/core';
import { cloneJson, isPlainObject } from '../json';
import { JsonFile } from '../json-file';

import { PlatformFailure } from '../platform-error';
import { checkSchedule, checkScheduleName, repeatMs, SCHEDULE_MESSAGES, type ScheduleDefinition } from './rules';

export interface StoredSchedule extends ScheduleDefinition {
  product: ProductName;
  /** Emulated epoch ms of the next run. */
  next_run_at: number;
}

export interface ScheduleAnswer {
  status: 200;
  message: string;
}

/**
 * Every installation's `$schedule` entries, by product, kept in `<appDir>/.fdk/schedules.json`. Calls go through the
 * platform's rules; `onChange` lets the runner re-arm its timer.
 */
export class Schedules {
  private byProduct = new Map<ProductName, Map<string, StoredSchedule>>();
  private readonly file: JsonFile;
  onChange: () => void = () => {};

  constructor(
    path: string,
    private readonly now: () => number,
  ) {
    this.file = new JsonFile(path);
  }

  async load(): Promise<void> {
    const raw = await this.file.read();
    this.byProduct = new Map();
    if (!Array.isArray(raw)) return;
    for (const item of raw as unknown[]) {
      if (!isPlainObject(item) || !isProductName(item.product) || typeof item.name !== 'string' || typeof item.next_run_at !== 'number') continue;
      this.table(item.product).set(item.name, item as unknown as StoredSchedule);
    }
  }

  create(product: ProductName, definition: unknown): ScheduleAnswer & ScheduleDefinition {
    const checked = checkSchedule(definition, this.now());
    const table = this.table(product);
    if (table.has(checked.name)) throw new PlatformFailure(409, SCHEDULE_MESSAGES.exists(checked.name));
    this.checkCounts(product, checked);
    this.store(product, checked);
    return { status: 200, message: `Schedule "${checked.name}" created`, ...checked };
  }

  update(product: ProductName, definition: unknown): ScheduleAnswer & ScheduleDefinition {
    const checked = checkSchedule(definition, this.now());
    if (!this.table(product).has(checked.name)) throw new PlatformFailure(404, SCHEDULE_MESSAGES.notFound);
    this.checkCounts(product, checked, checked.name);
    this.store(product, checked);
    return { status: 200, message: `Schedule "${checked.name}" updated`, ...checked };
  }

  fetch(product: ProductName, args: unknown): ScheduleDefinition {
    const found = this.table(product).get(checkScheduleName(args));
    if (!found) throw new PlatformFailure(404, SCHEDULE_MESSAGES.notFound);
    return definitionOf(found);
  }

  delete(product: ProductName, args: unknown): ScheduleAnswer {
    const name = checkScheduleName(args);
    if (!this.table(product).delete(name)) throw new PlatformFailure(404, SCHEDULE_MESSAGES.notFound);
    void this.changed();
    return { status: 200, message: `Schedule "${name}" deleted` };
  }

  /** Every schedule, soonest first. */
  all(): StoredSchedule[] {
    return [...this.byProduct.values()].flatMap((table) => [...table.values()]).sort((a, b) => a.next_run_at - b.next_run_at);
  }

  /** Per product, for `/_emulator/state`. */
  snapshot(): Record<ProductName, (ScheduleDefinition & { next_run_at: string })[]> {
    const out = {} as Record<ProductName, (ScheduleDefinition & { next_run_at: string })[]>;
    for (const [product, table] of this.byProduct) {
      out[product] = [...table.values()].map((s) => ({ ...definitionOf(s), next_run_at: new Date(s.next_run_at).toISOString() }));
    }
    return out;
  }

  /** After a run: one-time schedules are gone, recurring ones move to their next time after now. */
  ran(schedule: StoredSchedule): void {
    const table = this.table(schedule.product);
    const current = table.get(schedule.name);
    if (current !== schedule) return;
    if (!schedule.repeat) {
      table.delete(schedule.name);
    } else {
      const every = repeatMs(schedule.repeat);
      const behind = Math.max(0, this.now() - schedule.next_run_at);
      schedule.next_run_at += every * (Math.floor(behind / every) + 1);
    }
    void this.changed();
  }

  removeProduct(product: ProductName): void {
    if (this.byProduct.delete(product)) void this.changed();
  }

  clear(): Promise<void> {
    this.byProduct = new Map();
    return this.changed();
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  private store(product: ProductName, checked: ScheduleDefinition): void {
    this.table(product).set(checked.name, { ...checked, product, next_run_at: Date.parse(checked.schedule_at) });
    void this.changed();
  }

  private checkCounts(product: ProductName, candidate: ScheduleDefinition, replacing?: string): void {
    const others = [...this.table(product).values()].filter((s) => s.name !== replacing);
    if (candidate.repeat && others.filter((s) => s.repeat).length >= SCHEDULE_LIMITS.maxRecurring) {
      throw new PlatformFailure(400, SCHEDULE_MESSAGES.tooManyRecurring);
    }
    if (!candidate.repeat && others.filter((s) => !s.repeat).length >= SCHEDULE_LIMITS.maxOneTime) {
      throw new PlatformFailure(400, SCHEDULE_MESSAGES.tooManyOneTime);
    }
  }

  private changed(): Promise<void> {
    this.onChange();
    return this.file.save(() => this.all());
  }

  private table(product: ProductName): Map<string, StoredSchedule> {
    let table = this.byProduct.get(product);
    if (!table) {
      table = new Map();
      this.byProduct.set(product, table);
    }
    return table;
  }
}

function definitionOf(schedule: StoredSchedule): ScheduleDefinition {
  const { name, data, schedule_at, repeat } = schedule;
  return cloneJson<ScheduleDefinition>({ name, data, schedule_at, ...(repeat ? { repeat } : {}) });
}
