import { z } from 'zod';
import type { ScheduleDefinition, ScheduleTimeUnit } from '../../platform/server-globals';
import { HandlerFailure } from '../failure';
import { formatKb, utf8Length } from '../json-size';
import { parseWith } from '../payloads/parse';

export const TIME_UNIT_MINUTES: Readonly<Record<ScheduleTimeUnit, number>> = { minutes: 1, hours: 60, days: 24 * 60 };

/** `$schedule` limits (PLATFORM-FACTS §1, the platform's scheduled-events page). */
export const SCHEDULE_LIMITS = {
  dataBytes: 4 * 1024,
  /** `schedule_at` at least this far ahead. */
  minLeadMs: 5 * 60_000,
  /**
   * Shortest repeat. The reference does not state one; we hold recurring schedules to the same five minutes the
   * platform asks before a first run, so a schedule the fake accepts is never refused for running too often.
   */
  minRepeatMinutes: 5,
  maxOneTime: 1000,
  maxRecurring: 1,
} as const;

export class ScheduleError extends HandlerFailure {
  override name = 'ScheduleError';
  constructor(message: string) {
    super(400, message);
  }
}

export const repeatSchema = z.object({
  time_unit: z.enum(['minutes', 'hours', 'days']),
  frequency: z.number().int().positive(),
});

const definitionSchema = z.object({
  name: z.string().trim().min(1),
  data: z.record(z.string(), z.unknown()),
  schedule_at: z.string(),
  repeat: repeatSchema.optional(),
});

/** `2026-01-31T09:00:00Z`, `2026-01-31T09:00:00.000+00:00`: a full UTC time, as the platform asks. */
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]00:?00)$/;

/** A UTC ISO time `minutes` from `now` (epoch ms). */
export function scheduleAtFromNow(minutes: number, now: number = Date.now()): string {
  return new Date(now + minutes * 60_000).toISOString();
}

/**
 * The schedule as the platform would accept it, or a ScheduleError (400) saying which rule it breaks: name, data
 * as a JSON object of at most 4 KB, schedule_at a UTC ISO time at least 5 minutes ahead, repeat at least every
 * 5 minutes.
 */
export function checkSchedule(definition: unknown, now: number = Date.now()): ScheduleDefinition {
  const name = (definition as { name?: unknown } | null)?.name;
  const label = typeof name === 'string' && name.trim() ? `$schedule "${name}"` : '$schedule';
  const parsed = parseWith(label, definitionSchema, definition);
  if (!parsed.ok) throw new ScheduleError(parsed.error.message);
  const { data, schedule_at: at, repeat } = parsed.value;

  const text = JSON.stringify(data);
  const bytes = utf8Length(text);
  if (bytes > SCHEDULE_LIMITS.dataBytes) {
    throw new ScheduleError(`${label}: data is ${formatKb(bytes)}; the platform allows ${formatKb(SCHEDULE_LIMITS.dataBytes)}`);
  }
  const time = Date.parse(at);
  if (!UTC_ISO.test(at) || Number.isNaN(time)) {
    throw new ScheduleError(`${label}: schedule_at "${at}" must be a UTC ISO 8601 time such as ${scheduleAtFromNow(10, now)}`);
  }
  if (time < now + SCHEDULE_LIMITS.minLeadMs) {
    throw new ScheduleError(`${label}: schedule_at ${at} is less than 5 minutes ahead of ${new Date(now).toISOString()}`);
  }
  if (repeat && repeat.frequency * TIME_UNIT_MINUTES[repeat.time_unit] < SCHEDULE_LIMITS.minRepeatMinutes) {
    throw new ScheduleError(`${label}: repeat every ${repeat.frequency} ${repeat.time_unit} is too often; the shortest is ${SCHEDULE_LIMITS.minRepeatMinutes} minutes`);
  }
  const checked: ScheduleDefinition = { name: parsed.value.name, data: JSON.parse(text) as ScheduleDefinition['data'], schedule_at: at };
  if (repeat) checked.repeat = repeat;
  return checked;
}
