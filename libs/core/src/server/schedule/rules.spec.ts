import { describe, expect, it } from 'vitest';
import { checkSchedule, ScheduleError, scheduleAtFromNow } from './rules';

const now = Date.parse('2026-03-01T10:00:00Z');
const valid = { name: 'reconcile', data: { kind: 'reconcile' }, schedule_at: '2026-03-01T10:05:00Z' };

describe('checkSchedule', () => {
  it('accepts what the platform accepts, and returns it', () => {
    expect(checkSchedule(valid, now)).toEqual(valid);
    expect(checkSchedule({ ...valid, schedule_at: '2026-03-01T10:06:00.000+00:00', repeat: { time_unit: 'minutes', frequency: 5 } }, now)).toMatchObject({
      repeat: { time_unit: 'minutes', frequency: 5 },
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a time less than 5 minutes ahead', { schedule_at: '2026-03-01T10:04:59Z' }, '$schedule "reconcile": schedule_at 2026-03-01T10:04:59Z is less than 5 minutes ahead of 2026-03-01T10:00:00.000Z'],
    ['a time in the past', { schedule_at: '2020-01-01T00:00:00Z' }, 'is less than 5 minutes ahead'],
    ['a time that is not UTC', { schedule_at: '2026-03-01T12:10:00+02:00' }, 'schedule_at "2026-03-01T12:10:00+02:00" must be a UTC ISO 8601 time such as 2026-03-01T10:10:00.000Z'],
    ['a date without time', { schedule_at: '2026-03-02' }, 'must be a UTC ISO 8601 time'],
    ['an impossible date', { schedule_at: '2026-13-45T10:00:00Z' }, 'must be a UTC ISO 8601 time'],
    ['data over 4 KB', { data: { blob: 'x'.repeat(4096) } }, '$schedule "reconcile": data is 4.0 KB; the platform allows 4.0 KB'],
    ['data that is not an object', { data: ['x'] }, '$schedule "reconcile": data: expected object, received array'],
    ['no name', { name: ' ' }, '$schedule: name: expected string to have >=1 characters, received 0 characters'],
    ['a repeat under 5 minutes', { repeat: { time_unit: 'minutes', frequency: 4 } }, 'repeat every 4 minutes is too often; the shortest is 5 minutes'],
    ['an unknown time unit', { repeat: { time_unit: 'weeks', frequency: 1 } }, 'repeat.time_unit: expected one of "minutes", "hours", "days", received "weeks"'],
    ['a fractional frequency', { repeat: { time_unit: 'hours', frequency: 1.5 } }, 'repeat.frequency: expected int, received number'],
  ])('refuses %s', (_, change, message) => {
    const check = () => checkSchedule({ ...valid, ...change }, now);
    expect(check).toThrow(ScheduleError);
    expect(check).toThrow(message);
  });

  it('answers 400 when a handler lets it through', () => {
    expect(() => checkSchedule(null, now)).toThrow(expect.objectContaining({ status: 400, message: '$schedule: (root): expected object, received null' }) as Error);
  });
});

describe('scheduleAtFromNow', () => {
  it('gives a UTC ISO time', () => {
    expect(scheduleAtFromNow(6, now)).toBe('2026-03-01T10:06:00.000Z');
  });
});
