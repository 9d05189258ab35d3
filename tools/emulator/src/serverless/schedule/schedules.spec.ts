import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Clock } from '../../clock';
import { PlatformFailure } from '../platform-error';
import { ScheduleRunner } from './runner';
import { checkScheduleName, repeatMs } from './rules';
import { Schedules } from './schedules';

let dir: string;
let now: number;
let schedules: Schedules;

const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PlatformFailure) return error.body();
    throw error;
  }
  throw new Error('expected a refusal');
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schedules-'));
  now = Date.parse('2026-11-20T10:00:00Z');
  schedules = new Schedules(join(dir, '.fdk/schedules.json'), () => now);
});
afterEach(async () => {
  await schedules.flush();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('Schedules', () => {
  it('creates, fetches, updates and deletes with the platform answers', () => {
    expect(schedules.create('freshsales', { name: 'a', data: { x: 1 }, schedule_at: at(10) })).toMatchObject({ status: 200, message: 'Schedule "a" created', name: 'a' });
    expect(schedules.fetch('freshsales', { name: 'a' })).toEqual({ name: 'a', data: { x: 1 }, schedule_at: at(10) });
    expect(schedules.update('freshsales', { name: 'a', data: { x: 2 }, schedule_at: at(20), repeat: { time_unit: 'hours', frequency: 1 } })).toMatchObject({ message: 'Schedule "a" updated' });
    expect(schedules.fetch('freshsales', { name: 'a' })).toMatchObject({ data: { x: 2 }, repeat: { time_unit: 'hours', frequency: 1 } });
    expect(schedules.delete('freshsales', { name: 'a' })).toEqual({ status: 200, message: 'Schedule "a" deleted' });
    expect(failure(() => schedules.fetch('freshsales', { name: 'a' }))).toEqual({ status: 404, message: 'Schedule not found' });
    expect(failure(() => schedules.delete('freshsales', { name: 'a' }))).toEqual({ status: 404, message: 'Schedule not found' });
    expect(failure(() => schedules.update('freshsales', { name: 'a', data: {}, schedule_at: at(10) }))).toEqual({ status: 404, message: 'Schedule not found' });
    expect(failure(() => schedules.fetch('freshsales', {}))).toEqual({ status: 400, message: '$schedule: name must be a non-empty string' });
  });

  it('holds the platform limits: 5 minutes ahead (with a little grace), data, repeat, one recurring and 1000 one-time', () => {
    expect(schedules.create('freshsales', { name: 'edge', data: {}, schedule_at: new Date(now + 5 * 60_000 - 5_000).toISOString() })).toMatchObject({ status: 200 });
    expect(failure(() => schedules.create('freshsales', { name: 'soon', data: {}, schedule_at: at(4) }))).toMatchObject({ status: 400, message: expect.stringContaining('less than 5 minutes ahead') as unknown });
    expect(failure(() => schedules.create('freshsales', { name: 'local', data: {}, schedule_at: '2026-11-20T12:00:00+05:30' }))).toMatchObject({ status: 400 });
    expect(failure(() => schedules.create('freshsales', { name: 'big', data: { blob: 'x'.repeat(5000) }, schedule_at: at(10) }))).toMatchObject({ status: 400 });
    expect(failure(() => schedules.create('freshsales', { name: 'often', data: {}, schedule_at: at(10), repeat: { time_unit: 'minutes', frequency: 1 } }))).toMatchObject({ status: 400 });
    schedules.create('freshsales', { name: 'r1', data: {}, schedule_at: at(10), repeat: { time_unit: 'days', frequency: 1 } });
    expect(failure(() => schedules.create('freshsales', { name: 'r2', data: {}, schedule_at: at(10), repeat: { time_unit: 'minutes', frequency: 5 } }))).toEqual({ status: 400, message: 'At most 1 recurring schedule per installation' });
    expect(schedules.update('freshsales', { name: 'r1', data: {}, schedule_at: at(10), repeat: { time_unit: 'minutes', frequency: 5 } })).toMatchObject({ status: 200 });
    expect(schedules.create('freshworks_crm', { name: 'r2', data: {}, schedule_at: at(10), repeat: { time_unit: 'minutes', frequency: 5 } })).toMatchObject({ status: 200 });
    for (let i = 0; i < 999; i += 1) schedules.create('freshsales', { name: `o${i}`, data: {}, schedule_at: at(10) });
    expect(failure(() => schedules.create('freshsales', { name: 'o-last', data: {}, schedule_at: at(10) }))).toEqual({ status: 400, message: 'At most 1000 one-time schedules per installation' });
  });

  it('moves a recurring schedule past now after it ran, skipping the runs it missed', () => {
    schedules.create('freshsales', { name: 'r', data: {}, schedule_at: at(10), repeat: { time_unit: 'minutes', frequency: 5 } });
    const [stored] = schedules.all();
    now += 27 * 60_000;
    schedules.ran(stored!);
    expect(new Date(schedules.all()[0]!.next_run_at).toISOString()).toBe(new Date(Date.parse('2026-11-20T10:30:00Z')).toISOString());
    schedules.ran({ ...stored! });
    expect(schedules.all()).toHaveLength(1);
    expect(repeatMs({ time_unit: 'days', frequency: 2 })).toBe(2 * 86_400_000);
    expect(() => checkScheduleName(null)).toThrow(PlatformFailure);
  });

  it('keeps schedules in a file, reads them back and skips broken entries', async () => {
    schedules.create('freshsales', { name: 'kept', data: { a: 1 }, schedule_at: at(10) });
    await schedules.flush();
    const again = new Schedules(join(dir, '.fdk/schedules.json'), () => now);
    await again.load();
    expect(again.snapshot()).toEqual({ freshsales: [{ name: 'kept', data: { a: 1 }, schedule_at: at(10), next_run_at: at(10) }] });
    await mkdir(join(dir, 'x/.fdk'), { recursive: true });
    await writeFile(join(dir, 'x/.fdk/schedules.json'), JSON.stringify([{ product: 'nowhere', name: 'a', next_run_at: 1 }, 7, { product: 'freshsales', name: 'b' }]));
    const broken = new Schedules(join(dir, 'x/.fdk/schedules.json'), () => now);
    await broken.load();
    expect(broken.all()).toEqual([]);
    await writeFile(join(dir, 'x/.fdk/schedules.json'), '{}');
    await broken.load();
    expect(broken.all()).toEqual([]);
    again.removeProduct('freshsales');
    again.removeProduct('freshsales');
    expect(again.all()).toEqual([]);
    await again.flush();
  });
});

describe('ScheduleRunner', () => {
  it('fires what is due when armed, and sets a timer for the next one', async () => {
    vi.useFakeTimers({ now, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let local: Schedules | undefined;
    try {
      const clock = new Clock(1);
      local = new Schedules(join(dir, '.fdk/s.json'), () => clock.nowMs());
      const fired: string[] = [];
      const runner = new ScheduleRunner(local, clock, (s) => fired.push(s.name));
      runner.start();
      local.create('freshsales', { name: 'once', data: {}, schedule_at: new Date(clock.nowMs() + 6 * 60_000).toISOString() });
      local.create('freshworks_crm', { name: 'every', data: {}, schedule_at: new Date(clock.nowMs() + 6 * 60_000).toISOString(), repeat: { time_unit: 'minutes', frequency: 10 } });
      vi.advanceTimersByTime(5 * 60_000);
      expect(fired).toEqual([]);
      vi.advanceTimersByTime(60_000 + 10);
      expect(fired.sort()).toEqual(['every', 'once']);
      vi.advanceTimersByTime(10 * 60_000);
      expect(fired.filter((n) => n === 'every')).toHaveLength(2);
      expect(fired.filter((n) => n === 'once')).toHaveLength(1);
      runner.stop();
      runner.arm();
      vi.advanceTimersByTime(30 * 60_000);
      expect(fired).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
    // Its writes must land before afterEach removes the folder.
    await local?.flush();
  });
});
