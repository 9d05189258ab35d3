import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScheduleApi } from '../../platform/server-globals';
import { platformReject } from '../../testing/fake-db';
import { createFakeSchedule, createFakeServerGlobals } from '../../testing/fake-server';
import { createSchedule, deleteSchedule } from './calls';
import { ensureRecurringSchedule } from './recurring';
import { ScheduleError } from './rules';

let t = Date.parse('2026-03-01T10:00:00Z');
const now = () => t;
const every15 = { time_unit: 'minutes', frequency: 15 } as const;

afterEach(() => {
  t = Date.parse('2026-03-01T10:00:00Z');
});

describe('ensureRecurringSchedule', () => {
  it('creates the schedule, then leaves it alone', async () => {
    const schedule = createFakeSchedule({ now });
    expect(await ensureRecurringSchedule('reconcile', every15, { kind: 'reconcile' }, { schedule, now })).toBe('created');
    expect(schedule.list()).toEqual([{ name: 'reconcile', data: { kind: 'reconcile' }, schedule_at: '2026-03-01T10:06:00.000Z', repeat: every15 }]);
    t += 3_600_000;
    expect(await ensureRecurringSchedule('reconcile', every15, { kind: 'reconcile' }, { schedule, now })).toBe('unchanged');
  });

  it('updates it when the interval or the data changed', async () => {
    const schedule = createFakeSchedule({ now });
    await ensureRecurringSchedule('reconcile', every15, { kind: 'reconcile' }, { schedule, now });
    t += 3_600_000;
    expect(await ensureRecurringSchedule('reconcile', { time_unit: 'hours', frequency: 1 }, { kind: 'reconcile' }, { schedule, now })).toBe('updated');
    expect(await ensureRecurringSchedule('reconcile', { time_unit: 'hours', frequency: 1 }, { kind: 'reconcile', v: 2 }, { schedule, now })).toBe('updated');
    expect(schedule.list()).toEqual([{ name: 'reconcile', data: { kind: 'reconcile', v: 2 }, schedule_at: '2026-03-01T11:06:00.000Z', repeat: { time_unit: 'hours', frequency: 1 } }]);
  });

  it('turns a lost create race into an update', async () => {
    const fake = createFakeSchedule({ now });
    const schedule: ScheduleApi = { ...fake, fetch: () => platformReject(404, 'Schedule not found') };
    await fake.create({ name: 'reconcile', data: { old: true }, schedule_at: '2026-03-01T10:30:00Z', repeat: every15 });
    expect(await ensureRecurringSchedule('reconcile', every15, { kind: 'reconcile' }, { schedule, now })).toBe('updated');
    expect(fake.list()[0]?.data).toEqual({ kind: 'reconcile' });
  });

  it('refuses a second recurring schedule as the platform would', async () => {
    const schedule = createFakeSchedule({ now });
    await ensureRecurringSchedule('reconcile', every15, {}, { schedule, now });
    await expect(ensureRecurringSchedule('other', every15, {}, { schedule, now })).rejects.toEqual({
      status: 400,
      message: 'At most 1 recurring schedule per installation',
    });
  });

  it('checks the interval before calling the platform', async () => {
    const schedule = createFakeSchedule({ now });
    const fetch = vi.spyOn(schedule, 'fetch');
    await expect(ensureRecurringSchedule('reconcile', { time_unit: 'minutes', frequency: 1 }, {}, { schedule, now })).rejects.toThrow(ScheduleError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('lets other platform failures through', async () => {
    const down: ScheduleApi = { ...createFakeSchedule({ now }), fetch: () => platformReject(503, 'Unavailable') };
    await expect(ensureRecurringSchedule('reconcile', every15, {}, { schedule: down, now })).rejects.toEqual({ status: 503, message: 'Unavailable' });
    const full: ScheduleApi = { ...createFakeSchedule({ now }), create: () => platformReject(500, 'Down') };
    await expect(ensureRecurringSchedule('reconcile', every15, {}, { schedule: full, now })).rejects.toEqual({ status: 500, message: 'Down' });
  });

  it('uses the sandbox $schedule by default', async () => {
    const fake = createFakeServerGlobals();
    const uninstall = fake.install();
    try {
      expect(await ensureRecurringSchedule('reconcile', every15, {})).toBe('created');
      expect(fake.$schedule.list()).toHaveLength(1);
    } finally {
      uninstall();
    }
  });
});

describe('createSchedule and deleteSchedule', () => {
  it('create after checking, delete without failing on a missing schedule', async () => {
    const schedule = createFakeSchedule({ now });
    await expect(createSchedule(schedule, { name: 'soon', data: {}, schedule_at: '2026-03-01T10:01:00Z' }, t)).rejects.toThrow(/less than 5 minutes ahead/);
    await createSchedule(schedule, { name: 'later', data: { callId: 'ac_1' }, schedule_at: '2026-03-01T11:00:00Z' }, t);
    expect(await deleteSchedule(schedule, 'later')).toBe(true);
    expect(await deleteSchedule(schedule, 'later')).toBe(false);
    const down: ScheduleApi = { ...schedule, delete: () => platformReject(500, 'Down') };
    await expect(deleteSchedule(down, 'later')).rejects.toEqual({ status: 500, message: 'Down' });
  });
});
