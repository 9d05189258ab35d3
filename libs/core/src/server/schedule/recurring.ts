import { z } from 'zod';
import type { JsonObject } from '../../platform/client';
import type { ScheduleApi, ScheduleDefinition } from '../../platform/server-globals';
import { serverGlobals } from '../handler/globals';
import { hasStatus } from '../handler/platform-error';
import { checkSchedule, repeatSchema, scheduleAtFromNow } from './rules';

export type Every = z.input<typeof repeatSchema>;
export type EnsureOutcome = 'created' | 'updated' | 'unchanged';

export interface EnsureOptions {
  /** `$schedule` from the sandbox by default. */
  schedule?: ScheduleApi;
  /** Epoch milliseconds. */
  now?: () => number;
  /** Minutes until the first run of a new or changed schedule; 6, a minute clear of the platform's 5. */
  startInMinutes?: number;
}

const fetchedSchema = z.looseObject({ data: z.unknown().optional(), repeat: repeatSchema.optional() });

/** Key order does not change a JSON value. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
    }
    return value;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Makes sure the recurring schedule `name` exists with this interval and data: creates it, updates it when either
 * differs, or leaves it alone. Safe to call on every install and update; a create that loses a race becomes an update.
 */
export async function ensureRecurringSchedule(name: string, every: Every, data: JsonObject, options: EnsureOptions = {}): Promise<EnsureOutcome> {
  const api = options.schedule ?? serverGlobals().$schedule;
  const now = (options.now ?? Date.now)();
  const wanted: ScheduleDefinition = checkSchedule(
    { name, data, repeat: every, schedule_at: scheduleAtFromNow(options.startInMinutes ?? 6, now) },
    now,
  );

  let existing: unknown;
  try {
    existing = await api.fetch({ name });
  } catch (error) {
    if (!hasStatus(error, 404)) throw error;
  }
  if (existing === undefined) {
    try {
      await api.create(wanted);
      return 'created';
    } catch (error) {
      if (!hasStatus(error, 409)) throw error;
    }
  } else {
    const current = fetchedSchema.safeParse(existing);
    if (current.success && sameJson(current.data.repeat, wanted.repeat) && sameJson(current.data.data, wanted.data)) return 'unchanged';
  }
  await api.update(wanted);
  return 'updated';
}
