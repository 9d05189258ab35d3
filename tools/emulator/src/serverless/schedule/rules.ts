import { checkSchedule as checkWithPlatformRules, SCHEDULE_LIMITS, ScheduleError, TIME_UNIT_MINUTES } from '@callbridge/core';
import type { ScheduleDefinition } from '@callbridge/core';
import { isPlainObject } from '../json';
import { SCHEDULE_LEAD_GRACE_MS } from '../limits';
import { PlatformFailure } from '../platform-error';

export type { ScheduleDefinition };

/** Our wording, the same as libs/core's fake: no public source spells the platform's schedule errors. */
export const SCHEDULE_MESSAGES = {
  notFound: 'Schedule not found',
  exists: (name: string) => `A schedule named "${name}" already exists`,
  tooManyRecurring: `At most ${SCHEDULE_LIMITS.maxRecurring} recurring schedule per installation`,
  tooManyOneTime: `At most ${SCHEDULE_LIMITS.maxOneTime} one-time schedules per installation`,
} as const;

/** `{name}` as fetch and delete take it. */
export function checkScheduleName(args: unknown): string {
  const name = isPlainObject(args) ? args.name : undefined;
  if (typeof name !== 'string' || name.trim() === '') throw new PlatformFailure(400, '$schedule: name must be a non-empty string');
  return name;
}

/**
 * The schedule as the platform would accept it at emulated time `now` (libs/core's rules: data <= 4 KB, schedule_at
 * a UTC ISO time at least 5 minutes ahead, repeat at least every 5 minutes), with a little grace on the 5 minutes.
 */
export function checkSchedule(definition: unknown, now: number): ScheduleDefinition {
  try {
    return checkWithPlatformRules(definition, now - SCHEDULE_LEAD_GRACE_MS);
  } catch (error) {
    if (error instanceof ScheduleError) throw new PlatformFailure(400, error.message);
    throw error;
  }
}

export function repeatMs(repeat: NonNullable<ScheduleDefinition['repeat']>): number {
  return repeat.frequency * TIME_UNIT_MINUTES[repeat.time_unit] * 60_000;
}
