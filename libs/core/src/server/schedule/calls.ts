import type { ScheduleApi, ScheduleDefinition } from '../../platform/server-globals';
import { hasStatus } from '../handler/platform-error';
import { checkSchedule } from './rules';

/** Creates a schedule after checking what the platform would refuse. */
export async function createSchedule(schedule: ScheduleApi, definition: ScheduleDefinition, now: number = Date.now()): Promise<void> {
  await schedule.create(checkSchedule(definition, now));
}

/** Deletes a schedule; false when there was none, so uninstall can run twice and never fails on it. */
export async function deleteSchedule(schedule: ScheduleApi, name: string): Promise<boolean> {
  try {
    await schedule.delete({ name });
    return true;
  } catch (error) {
    if (hasStatus(error, 404)) return false;
    throw error;
  }
}
