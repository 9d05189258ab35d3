import { afterEach, describe, expect, it } from 'vitest';
import { copyServerlessFixture, startServerless, type ServerlessHarness } from '../../../test/support/serverless-harness';

let harness: ServerlessHarness | undefined;
let remove: (() => Promise<void>) | undefined;
afterEach(async () => {
  await harness?.close();
  await remove?.();
  harness = undefined;
});

async function start(clockSpeed: number): Promise<ServerlessHarness> {
  const fixture = await copyServerlessFixture('serverless-omni');
  remove = fixture.remove;
  harness = await startServerless({ appDir: fixture.dir, clockSpeed });
  await harness.post('/_emulator/install', { product: 'freshsales', iparams: { subdomain: 'acme', api_key: 'sekret' } });
  return harness;
}

const scheduled = (h: ServerlessHarness) => h.logs.filter((line) => line.startsWith('[freshsales onScheduledEvent] SCHEDULED'));

describe('$schedule', () => {
  it('fires a one-time schedule once, at its time on a sped-up clock', async () => {
    const h = await start(600); // ten emulated minutes a second
    const created = await h.post('/_emulator/functions/scheduleOnce', { product: 'freshsales', payload: { name: 'remind', note: 'call back', minutes: 6 } });
    expect(created.body).toMatchObject({ ok: true, response: { status: 200, name: 'remind', data: { note: 'call back' } } });
    const state = (await h.call('GET', '/_emulator/state')).body as { schedules: { freshsales: { name: string }[] } };
    expect(state.schedules.freshsales.map((s) => s.name)).toEqual(['remind']);
    expect(scheduled(h)).toEqual([]);

    const line = await h.waitForLog((l) => l.startsWith('[freshsales onScheduledEvent] SCHEDULED'), 3_000);
    expect(line).toContain('{"note":"call back"}');
    await new Promise((done) => setTimeout(done, 700));
    expect(scheduled(h)).toHaveLength(1);
    const after = (await h.call('GET', '/_emulator/state')).body as { schedules: { freshsales: unknown[] }; db: { freshsales: Record<string, unknown> } };
    expect(after.schedules.freshsales).toEqual([]);
    expect(after.db.freshsales['schedule:runs']).toEqual({ count: 1 });
  });

  it('runs what falls due when the clock is advanced', async () => {
    const h = await start(1);
    await h.post('/_emulator/functions/scheduleOnce', { product: 'freshsales', payload: { name: 'later', note: 'in half an hour', minutes: 30 } });
    await new Promise((done) => setTimeout(done, 100));
    expect(scheduled(h)).toEqual([]);
    const advanced = await h.post('/_emulator/clock/advance', { ms: 31 * 60_000 });
    expect(advanced.body).toMatchObject({ ok: true, now: expect.any(String) as unknown });
    await h.waitForLog((l) => l.includes('{"note":"in half an hour"}'), 2_000);
  });

  it('refuses schedules less than 5 minutes ahead and names already taken', async () => {
    const h = await start(1);
    const soon = await h.post('/_emulator/functions/scheduleOnce', { product: 'freshsales', payload: { name: 'soon', note: 'x', minutes: 2 } });
    expect(soon.body).toMatchObject({ ok: false, status: 400, error: { message: expect.stringContaining('is less than 5 minutes ahead') as unknown } });
    await h.post('/_emulator/functions/scheduleOnce', { product: 'freshsales', payload: { name: 'twice', note: 'x', minutes: 10 } });
    const again = await h.post('/_emulator/functions/scheduleOnce', { product: 'freshsales', payload: { name: 'twice', note: 'x', minutes: 10 } });
    expect(again.body).toMatchObject({ ok: false, status: 409, error: { message: 'A schedule named "twice" already exists' } });
  });

  it('keeps schedules across a restart and drops them on uninstall', async () => {
    const h = await start(1);
    await h.post('/_emulator/functions/scheduleOnce', { product: 'freshsales', payload: { name: 'kept', note: 'x', minutes: 60 } });
    await h.close();
    harness = await startServerless({ appDir: h.context.appDir });
    const state = (await harness.call('GET', '/_emulator/state')).body as { schedules: { freshsales: { name: string }[] } };
    expect(state.schedules.freshsales.map((s) => s.name)).toEqual(['kept']);
    await harness.post('/_emulator/uninstall', { product: 'freshsales' });
    const after = (await harness.call('GET', '/_emulator/state')).body as { schedules: Record<string, unknown> };
    expect(after.schedules).toEqual({});
  });
});
