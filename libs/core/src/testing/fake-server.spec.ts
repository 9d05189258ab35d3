import { describe, expect, it, vi } from 'vitest';
import type { ServerRequestApi } from '../platform/server-globals';
import { createFakeSchedule, createFakeServerGlobals } from './fake-server';

const start = Date.parse('2026-03-01T10:00:00Z');
const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();

describe('createFakeServerGlobals', () => {
  it('records every answer and insists on exactly one', () => {
    const fake = createFakeServerGlobals();
    expect(() => fake.answer()).toThrow('expected renderData to be called once, it was called 0 times');
    fake.renderData(null, { ok: true });
    expect(fake.answer()).toEqual({ error: null, data: { ok: true } });
    fake.renderData({ status: 500, message: 'again' });
    expect(fake.answers).toHaveLength(2);
    expect(() => fake.answer()).toThrow('it was called 2 times');
  });

  it('installs its globals on globalThis and takes them off again', () => {
    const fake = createFakeServerGlobals();
    const host = globalThis as Record<string, unknown>;
    host.$request = 'earlier';
    const uninstall = fake.install();
    expect(host.$db).toBe(fake.$db);
    expect(host.renderData).toBe(fake.renderData);
    uninstall();
    expect(host.$db).toBeUndefined();
    expect(host.$request).toBe('earlier');
    delete host.$request;
  });

  it('refuses requests with 501 unless given a request API', async () => {
    await expect(createFakeServerGlobals().$request.invokeTemplate('x', {})).rejects.toEqual({ status: 501, message: 'not configured in this fake' });
    const request = { get: vi.fn(() => Promise.resolve({ status: 200, headers: {}, response: '{}' })) } as unknown as ServerRequestApi;
    await expect(createFakeServerGlobals({ request }).$request.get('https://x.test')).resolves.toMatchObject({ status: 200 });
  });

  it('resolves the target URL it was given', async () => {
    await expect(createFakeServerGlobals({ targetUrl: 'https://hooks.test/1' }).generateTargetUrl()).resolves.toBe('https://hooks.test/1');
  });

  it('builds payloads with its iparams, product and clock', () => {
    const fake = createFakeServerGlobals({ iparams: { token: 't' }, product: 'freshsales', now: () => start });
    expect(fake.payload('onScheduledEvent', { kind: 'x' }, { region: 'EU' })).toEqual({
      account_id: '1967183444532229946',
      domain: 'acme.freshsales.io',
      event: 'onScheduledEvent',
      region: 'EU',
      timestamp: start,
      productContext: { name: 'freshsales', url: 'https://acme.freshsales.io' },
      iparams: { token: 't' },
      data: { kind: 'x' },
    });
    expect(fake.payload('onAppInstall')).not.toHaveProperty('data');
  });

  it('shares one clock between $db TTLs and $schedule', async () => {
    let t = start;
    const fake = createFakeServerGlobals({ now: () => t });
    await fake.$db.set('k', { a: 1 }, { ttl: 60 });
    await fake.$schedule.create({ name: 'once', data: {}, schedule_at: at(10) });
    t += 10 * 60_000;
    expect(fake.$db.dump()).toEqual({});
    expect(fake.$schedule.list()).toEqual([]);
  });
});

describe('createFakeSchedule', () => {
  const now = () => start;

  it('creates, fetches, updates and deletes', async () => {
    const schedule = createFakeSchedule({ now });
    await schedule.create({ name: 'r', data: { a: 1 }, schedule_at: at(6), repeat: { time_unit: 'hours', frequency: 1 } });
    expect(await schedule.fetch({ name: 'r' })).toEqual({ name: 'r', data: { a: 1 }, schedule_at: at(6), repeat: { time_unit: 'hours', frequency: 1 } });
    await schedule.update({ name: 'r', data: { a: 2 }, schedule_at: at(7) });
    expect(schedule.list()).toEqual([{ name: 'r', data: { a: 2 }, schedule_at: at(7) }]);
    await expect(schedule.delete({ name: 'r' })).resolves.toEqual({ name: 'r' });
  });

  it.each<[string, (s: ReturnType<typeof createFakeSchedule>) => Promise<unknown>, { status: number; message: string | RegExp }]>([
    ['a schedule too soon', (s) => s.create({ name: 'x', data: {}, schedule_at: at(4) }), { status: 400, message: /less than 5 minutes ahead/ }],
    ['data over 4 KB', (s) => s.create({ name: 'x', data: { v: 'x'.repeat(5000) }, schedule_at: at(6) }), { status: 400, message: /allows 4\.0 KB/ }],
    ['a repeat under 5 minutes', (s) => s.create({ name: 'x', data: {}, schedule_at: at(6), repeat: { time_unit: 'minutes', frequency: 2 } }), { status: 400, message: /too often/ }],
    ['a name taken', async (s) => { await s.create({ name: 'x', data: {}, schedule_at: at(6) }); return s.create({ name: 'x', data: {}, schedule_at: at(7) }); }, { status: 409, message: 'A schedule named "x" already exists' }],
    ['fetching an unknown name', (s) => s.fetch({ name: 'x' }), { status: 404, message: 'Schedule not found' }],
    ['updating an unknown name', (s) => s.update({ name: 'x', data: {}, schedule_at: at(6) }), { status: 404, message: 'Schedule not found' }],
    ['deleting an unknown name', (s) => s.delete({ name: 'x' }), { status: 404, message: 'Schedule not found' }],
    ['a second recurring schedule', async (s) => {
      await s.create({ name: 'a', data: {}, schedule_at: at(6), repeat: { time_unit: 'days', frequency: 1 } });
      return s.create({ name: 'b', data: {}, schedule_at: at(6), repeat: { time_unit: 'days', frequency: 1 } });
    }, { status: 400, message: 'At most 1 recurring schedule per installation' }],
    ['turning a one-time schedule recurring when one already is', async (s) => {
      await s.create({ name: 'a', data: {}, schedule_at: at(6), repeat: { time_unit: 'days', frequency: 1 } });
      await s.create({ name: 'b', data: {}, schedule_at: at(6) });
      return s.update({ name: 'b', data: {}, schedule_at: at(6), repeat: { time_unit: 'days', frequency: 1 } });
    }, { status: 400, message: 'At most 1 recurring schedule per installation' }],
  ])('rejects %s', async (_, run, expected) => {
    const rejection = run(createFakeSchedule({ now }));
    await expect(rejection).rejects.toMatchObject({ status: expected.status });
    await expect(rejection).rejects.toMatchObject({ message: expected.message });
  });

  it('holds at most 1000 one-time schedules', async () => {
    const schedule = createFakeSchedule({ now });
    for (let i = 0; i < 1000; i += 1) await schedule.create({ name: `s${i}`, data: {}, schedule_at: at(6) });
    await expect(schedule.create({ name: 's1000', data: {}, schedule_at: at(6) })).rejects.toEqual({
      status: 400,
      message: 'At most 1000 one-time schedules per installation',
    });
    await schedule.delete({ name: 's0' });
    await expect(schedule.create({ name: 's1000', data: {}, schedule_at: at(6) })).resolves.toBeDefined();
  });
});
